package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Benign changes (traffic surges, deploy shifts) and the architecture names of the ablation. */
class HybridSyntheticChangesTest {
  private static final FeatureSchema SCHEMA = new FeatureSchema(
      List.of("requests_per_s", "cpu_util", "latency_p99_ms", "error_rate"), 10, 8.0, 30);

  private static float[] calm(FeatureSchema schema) {
    float[] x = new float[schema.size()];
    for (int m = 0; m < schema.metrics().size(); m++) {
      for (int t = 0; t < schema.steps(); t++) {
        x[schema.maskChannel(m) * schema.steps() + t] = 1f;
      }
    }
    return x;
  }

  private static float newest(float[] x, int channel) {
    return x[channel * SCHEMA.steps() + SCHEMA.steps() - 1];
  }

  @Test
  void trafficSurgeRaisesDemandAndResourcesInProportionButNotErrors() {
    BenignInjector injector = new BenignInjector(SCHEMA);
    for (int seed = 0; seed < 20; seed++) {
      float[] y = injector.inject(calm(SCHEMA), BenignInjector.Kind.TRAFFIC_SURGE, new Random(seed));
      float demand = newest(y, SCHEMA.valueChannel(0));
      assertThat(demand).isGreaterThanOrEqualTo(2f);
      assertThat(newest(y, SCHEMA.valueChannel(1))).isBetween(0.29f * demand, demand + 1e-4f);
      assertThat(newest(y, SCHEMA.valueChannel(2))).isBetween(-0.5f, 1.5f);
      assertThat(newest(y, SCHEMA.valueChannel(3))).isZero();
      assertThat(newest(y, SCHEMA.errorChannel())).isZero();
    }
  }

  @Test
  void deployShiftMovesResourcesForAFewStepsOnly() {
    BenignInjector injector = new BenignInjector(SCHEMA);
    for (int seed = 0; seed < 20; seed++) {
      float[] y = injector.inject(calm(SCHEMA), BenignInjector.Kind.DEPLOY_SHIFT, new Random(seed));
      int shifted = 0;
      for (int t = 0; t < SCHEMA.steps(); t++) {
        shifted += y[SCHEMA.valueChannel(1) * SCHEMA.steps() + t] != 0f ? 1 : 0;
        assertThat(y[SCHEMA.valueChannel(0) * SCHEMA.steps() + t]).isZero();
        assertThat(y[SCHEMA.valueChannel(3) * SCHEMA.steps() + t]).isZero();
      }
      assertThat(shifted).isLessThanOrEqualTo(5);
    }
  }

  @Test
  void noBenignChangeWithoutResourceMetrics() {
    FeatureSchema latencyOnly = new FeatureSchema(List.of("latency_p99_ms"), 10, 8.0, 30);
    assertThat(new BenignInjector(latencyOnly)
        .inject(calm(latencyOnly), BenignInjector.Kind.DEPLOY_SHIFT, new Random(1))).isNull();
  }

  @Test
  void architectureNamesRoundTripThroughTheManifestNames() {
    for (String name : List.of("full", "cnn-only", "bilstm-only", "concat", "logistic")) {
      Architecture a = Architecture.parse(name);
      assertThat(Architecture.of(a.conv(), a.lstm(), a.fusion(), a.head())).isEqualTo(a);
    }
    assertThatThrownBy(() -> Architecture.parse("transformer")).hasMessageContaining("full, cnn-only");
    assertThatThrownBy(() -> new Architecture(false, false, true, true))
        .hasMessageContaining("CNN, the BiLSTM or both");
  }
}
