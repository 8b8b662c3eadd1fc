package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** A non-finite gradient is really cleared, so it cannot poison the next backward pass. */
class GradientsTest {
  @Test
  void anInfiniteGradientIsZeroedWhereSubtractingItFromItselfLeavesNaN() {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
      NDArray x = manager.create(new float[] {0f, 4f});
      x.setRequiresGradient(true);
      try (GradientCollector gc = DjlRuntime.engine().newGradientCollector()) {
        gc.backward(x.sqrt().sum());
      }
      float[] gradient = x.getGradient().toFloatArray();
      assertThat(gradient[0]).isInfinite();
      assertThat(gradient[1]).isEqualTo(0.25f);
      NDArray naive = x.getGradient().duplicate();
      naive.subi(naive);
      assertThat(naive.toFloatArray()[0]).isNaN();

      Gradients.clear(x.getGradient());
      assertThat(x.getGradient().toFloatArray()).containsExactly(0f, 0f);
      try (GradientCollector gc = DjlRuntime.engine().newGradientCollector()) {
        gc.backward(x.mul(3).sum());
      }
      assertThat(x.getGradient().toFloatArray()).containsExactly(3f, 3f);
    }
  }
}
