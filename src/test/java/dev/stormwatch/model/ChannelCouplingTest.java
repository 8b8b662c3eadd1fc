package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChannelCouplingTest {
  private static final int STEPS = 10;
  private final FeatureSchema schema = new FeatureSchema(
      List.of("cpu_usage_m", "cpu_usage_rate_pct", "network_receive_bytes", "latency_p99"), STEPS, 8.0, 30);

  /** Normal rows: the two CPU channels equal, the third mirrors them, the fourth independent. */
  private List<float[]> rows(int n, Random rnd) {
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] x = new float[schema.size()];
      for (int t = 0; t < STEPS; t++) {
        float cpu = (float) rnd.nextGaussian();
        set(x, 0, t, cpu);
        set(x, 1, t, cpu);
        set(x, 2, t, -cpu + 0.1f * (float) rnd.nextGaussian());
        set(x, 3, t, (float) rnd.nextGaussian());
      }
      rows.add(x);
    }
    return rows;
  }

  private void set(float[] x, int m, int t, float v) {
    x[schema.valueChannel(m) * STEPS + t] = v;
    x[schema.maskChannel(m) * STEPS + t] = 1f;
  }

  private float value(float[] x, int m, int t) {
    return x[schema.valueChannel(m) * STEPS + t];
  }

  @Test
  void correlatedChannelsArePartnersWeightedByTheirCorrelation() {
    ChannelCoupling c = ChannelCoupling.learn(schema, rows(200, new Random(1)), 0.8);
    assertThat(c.weight(0, 1)).isCloseTo(1.0, within(1e-6));
    assertThat(c.weight(1, 0)).isCloseTo(1.0, within(1e-6));
    assertThat(c.weight(0, 2)).isCloseTo(-1.0, within(0.02));
    assertThat(c.weight(0, 3)).isZero();
    assertThat(c.weight(3, 2)).isZero();
    assertThat(c.weight(0, 0)).isZero();
    assertThat(c.pairs()).hasSize(3).first().asString().startsWith("cpu_usage_m~cpu_usage_rate_pct 1.00");
  }

  @Test
  void offOrTooFewPairedStepsCoupleNothing() {
    assertThat(ChannelCoupling.learn(schema, rows(200, new Random(1)), 0).pairs()).isEmpty();
    assertThat(ChannelCoupling.learn(schema, rows(4, new Random(1)), 0.8).pairs()).isEmpty();
    assertThat(ChannelCoupling.none(schema).pairs()).isEmpty();
  }

  @Test
  void anInjectedAnomalyMovesTheHitChannelsPartnersWithIt() {
    ChannelCoupling c = ChannelCoupling.learn(schema, rows(200, new Random(1)), 0.8);
    AnomalyInjector coupled = new AnomalyInjector(schema, c);
    Random rnd = new Random(5);
    int cpuHits = 0;
    for (float[] x : rows(300, new Random(2))) {
      AnomalyInjector.Injected a = coupled.inject(x, rnd);
      if (a.kind() == AnomalyInjector.Kind.DROPPED_METRIC) {
        continue;
      }
      float[] y = a.features();
      float d0 = value(y, 0, STEPS - 1) - value(x, 0, STEPS - 1);
      float d1 = value(y, 1, STEPS - 1) - value(x, 1, STEPS - 1);
      if (Math.abs(d0) > 1 && Math.abs(value(y, 0, STEPS - 1)) < 8 && Math.abs(value(y, 1, STEPS - 1)) < 8) {
        cpuHits++;
        assertThat(d1).as(a.kind() + ": the CPU twin moves as much").isCloseTo(d0, within(1e-3f));
      }
    }
    assertThat(cpuHits).isGreaterThan(20);
  }

  @Test
  void withoutCouplingTheTwinStaysPutUnlessItIsTheDrawnPartner() {
    AnomalyInjector single = new AnomalyInjector(schema);
    Random rnd = new Random(5);
    int alone = 0;
    for (float[] x : rows(300, new Random(2))) {
      AnomalyInjector.Injected a = single.inject(x, rnd);
      float[] y = a.features();
      boolean cpuMoved = Math.abs(value(y, 0, STEPS - 1) - value(x, 0, STEPS - 1)) > 1;
      boolean twinMoved = value(y, 1, STEPS - 1) != value(x, 1, STEPS - 1);
      if (a.kind() == AnomalyInjector.Kind.SPIKE && cpuMoved) {
        assertThat(twinMoved).isFalse();
        alone++;
      }
    }
    assertThat(alone).isGreaterThan(5);
  }

  @Test
  void aBaselineOffsetMovesAChannelAndItsPartnersOverTheWholeWindow() {
    ChannelCoupling c = ChannelCoupling.learn(schema, rows(200, new Random(1)), 0.8);
    AnomalyInjector injector = new AnomalyInjector(schema, c);
    Random rnd = new Random(3);
    int cpu = 0;
    for (float[] x : rows(100, new Random(4))) {
      float[] y = injector.baselineOffset(x, rnd);
      int moved = 0;
      for (int m = 0; m < 4; m++) {
        java.util.Set<Float> diffs = new java.util.HashSet<>();
        for (int t = 0; t < STEPS; t++) {
          if (Math.abs(value(x, m, t)) < 1.5f) {
            diffs.add(Math.round((value(y, m, t) - value(x, m, t)) * 1e3f) / 1e3f);
          }
        }
        assertThat(diffs).as("one offset at every step of channel " + m).hasSize(1);
        if (!diffs.contains(0f)) {
          moved++;
          assertThat(Math.abs(diffs.iterator().next())).isBetween(1.9f, 6.1f);
        }
      }
      assertThat(moved).isBetween(1, 3);
      if (value(y, 0, 0) != value(x, 0, 0)) {
        cpu++;
        assertThat(value(y, 1, 0)).isNotEqualTo(value(x, 1, 0));
        assertThat(value(y, 3, 0)).isEqualTo(value(x, 3, 0));
      }
    }
    assertThat(cpu).isGreaterThan(5);
    assertThat(injector.baselineOffset(new float[schema.size()], rnd)).isNull();
  }

  @Test
  void trainingWithOffsetsAddsNormalOffsetCopies() {
    List<dev.stormwatch.window.WindowAssembly> windows = new ArrayList<>();
    Random w = new Random(6);
    for (int i = 0; i < 150; i++) {
      windows.add(SyntheticWindows.window("svc", i, w));
    }
    TrainingOptions base = new TrainingOptions("v1", 11, 1, 32, 3e-3, 8, 0.2, 0.5, 8.0, 30);
    TrainingSet plain = TrainingSet.build(windows, List.of(), base, new Random(1));
    TrainingSet offset = TrainingSet.build(windows, List.of(), base.withOffsetFraction(0.3), new Random(1));
    assertThat(plain.synthetic).doesNotContainKey("BENIGN_BASELINE_OFFSET");
    int offsets = offset.synthetic.get("BENIGN_BASELINE_OFFSET");
    assertThat(offsets).isGreaterThan(10);
    long negatives = offset.train.stream().filter(e -> e.label() < 0).count()
        + offset.holdout.stream().filter(e -> e.label() < 0).count();
    long plainNegatives = plain.train.stream().filter(e -> e.label() < 0).count()
        + plain.holdout.stream().filter(e -> e.label() < 0).count();
    assertThat(negatives).isEqualTo(plainNegatives + offsets);
  }

  @Test
  void theOptionIsACorrelationOffByDefault() {
    TrainingOptions d = TrainingOptions.defaults("v1", 1);
    assertThat(d.coupling()).isZero();
    assertThat(d.withCoupling(0.8).coupling()).isEqualTo(0.8);
    assertThat(d.withCoupling(0.8).withSeed(2).coupling()).isEqualTo(0.8);
    assertThat(d.offsetFraction()).isZero();
    assertThat(d.withOffsetFraction(0.25).withCoupling(0.8).offsetFraction()).isEqualTo(0.25);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.withCoupling(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
