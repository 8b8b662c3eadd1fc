package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HybridModelBlockTest {
  @BeforeAll
  static void engine() {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
  }

  @Test
  void marginPerWindowAndAttentionOverTelemetryAndLogTokens() {
    try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
      ModelDims dims = ModelDims.defaults(16, 10, 24);
      HybridModelBlock block = new HybridModelBlock(dims);
      block.initialize(manager, DataType.FLOAT32, new Shape(3, 16, 10));
      ParameterStore ps = new ParameterStore(manager, false);

      NDList telemetryOnly = block.forward(ps,
          new NDList(manager.randomNormal(new Shape(3, 16, 10))), false);
      assertThat(telemetryOnly.get(0).getShape()).isEqualTo(new Shape(3));
      assertThat(telemetryOnly.get(1).getShape()).isEqualTo(new Shape(3, 10));
      float[] weights = telemetryOnly.get(1).sum(new int[] {1}).toFloatArray();
      assertThat(weights).containsExactly(new float[] {1f, 1f, 1f}, org.assertj.core.data.Offset.offset(1e-5f));

      NDList withLogs = block.forward(ps, new NDList(manager.randomNormal(new Shape(3, 16, 10)),
          manager.randomNormal(new Shape(3, 4, 24))), false);
      assertThat(withLogs.get(1).getShape()).isEqualTo(new Shape(3, 14));

      NDList noLogTokens = block.forward(ps, new NDList(manager.randomNormal(new Shape(3, 16, 10)),
          manager.zeros(new Shape(3, 0, 24))), false);
      assertThat(noLogTokens.get(1).getShape()).isEqualTo(new Shape(3, 10));
    }
  }

  @Test
  void staysWithinTheParameterBudget() {
    try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
      HybridModelBlock block = new HybridModelBlock(ModelDims.defaults(16, 10, 0));
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 16, 10));
      long trainable = block.getParameters().values().stream()
          .filter(p -> p.requiresGradient())
          .mapToLong(p -> p.getArray().size())
          .sum();
      assertThat(trainable).isBetween(20_000L, 60_000L);
    }
  }
}
