package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class ModelSizeBenchmarkTest {

  @Test
  void splitsTheConvolutionWidthOverTheThreeKernels() {
    assertThat(ModelSizeBenchmark.split(64)).containsExactly(22, 21, 21);
    assertThat(ModelSizeBenchmark.split(32)).containsExactly(12, 10, 10);
    assertThat(ModelSizeBenchmark.split(128)).containsExactly(44, 42, 42);
  }

  @Test
  void quantilesInterpolate() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    assertThat(ModelSizeBenchmark.quantile(sorted, 0.5)).isEqualTo(6);
    assertThat(ModelSizeBenchmark.quantile(sorted, 0.9)).isEqualTo(10);
    assertThat(ModelSizeBenchmark.quantile(new double[] {1, 2}, 0.9)).isCloseTo(1.9, within(1e-12));
  }

  @Test
  void timesTheShippedSizeWithTheShippedParameterCount() throws Exception {
    assumeTrue(DjlRuntime.available(), () -> "PyTorch does not load here: " + DjlRuntime.loadError());
    int[] batches = {1, 4};
    ModelSizeBenchmark.Row plain = ModelSizeBenchmark.measure(64, 32, 0, batches, 1, 3, Device.cpu());
    // models/hybrid/v1 (22+21+21 filters, 32 hidden, 18 channels) has 39,645 trainable parameters
    assertThat(plain.parameters()).isEqualTo(39_645);
    assertThat(plain.median()).hasSize(2);
    assertThat(plain.median()[0]).isPositive();
    assertThat(plain.median()[1]).isPositive();
    assertThat(plain.p90()[0]).isGreaterThanOrEqualTo(plain.median()[0]);
    ModelSizeBenchmark.Row withLogs = ModelSizeBenchmark.measure(64, 32, 17, batches, 1, 3, Device.cpu());
    assertThat(withLogs.parameters() - plain.parameters())
        .as("the log projection from 389 instead of 1 input").isEqualTo(388L * 64);
    assertThat(ModelSizeBenchmark.format(withLogs)).startsWith("| 64 | 32 | 17 x 389 | 64,");
  }
}
