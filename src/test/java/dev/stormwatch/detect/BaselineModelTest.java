package dev.stormwatch.detect;

import static dev.stormwatch.detect.SyntheticTelemetry.DAY;
import static dev.stormwatch.detect.SyntheticTelemetry.HOUR;
import static dev.stormwatch.detect.SyntheticTelemetry.LATENCY;
import static dev.stormwatch.detect.SyntheticTelemetry.MINUTE;
import static dev.stormwatch.detect.SyntheticTelemetry.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.window.LogTemplates;
import dev.stormwatch.window.Pane;
import dev.stormwatch.window.WindowAssembly;
import dev.stormwatch.window.WindowBuilder;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class BaselineModelTest {
  private static final BaselineConfig CFG = BaselineConfig.defaults();
  private static final WindowBuilder BUILDER = new WindowBuilder(MINUTE, 10);

  private static Pane metricPane(long start, String metric, double value) {
    Pane p = new Pane(start);
    p.add(TelemetryEvent.metric(start + 1, "aws", "", "svc", "r1", new String[] {metric},
        new double[] {value}), null);
    return p;
  }

  private static void addLog(Pane p, int severity, String message) {
    p.add(TelemetryEvent.log(p.start + 2, "aws", "", "svc", "r1", severity, message),
        LogTemplates.mask(message));
  }

  /** A window of the given panes ending at {@code end}, annotated by the model. */
  private static WindowAssembly annotate(BaselineModel model, long end, Pane... panes) {
    Map<Long, Pane> byStart = new TreeMap<>();
    for (Pane p : panes) {
      byStart.put(p.start, p);
    }
    WindowAssembly w = BUILDER.build("aws", "svc", end, byStart);
    model.annotate(w, CFG);
    return w;
  }

  /** Learns {@code steps} one-minute panes of diurnal latency with noise sigma 6. */
  private static long learnDiurnal(BaselineModel model, long from, int steps, Random rnd) {
    long t = from;
    for (int i = 0; i < steps; i++, t += MINUTE) {
      double v = SyntheticTelemetry.clean(LATENCY, t) + 6 * rnd.nextGaussian();
      model.learn(metricPane(t, LATENCY, v), CFG);
    }
    return t;
  }

  @Test
  void learnsHourOfDayLevels() {
    BaselineModel model = new BaselineModel();
    learnDiurnal(model, T0, 3 * 1440, new Random(1));
    for (int hour : new int[] {2, 8, 14, 20}) {
      long end = T0 + 3 * DAY + hour * HOUR + 5 * MINUTE;
      double v = SyntheticTelemetry.clean(LATENCY, end - MINUTE);
      WindowAssembly w = annotate(model, end, metricPane(end - MINUTE, LATENCY, v));
      assertThat(w.expectedCenter[0]).as("center at %02d:05", hour).isCloseTo(v, within(4.0));
      assertThat(w.expectedScale[0]).as("scale at %02d:05", hour).isBetween(4.0, 12.0);
      assertThat(w.baselineSamples[0]).isEqualTo(3 * 1440);
    }
  }

  @Test
  void withoutAnHourOfDayProfileEveryHourExpectsTheGlobalLevel() {
    BaselineConfig flat = CFG.toBuilder().hourOfDay(false).build();
    BaselineModel model = new BaselineModel();
    Random rnd = new Random(1);
    long t = T0;
    for (int i = 0; i < 3 * 1440; i++, t += MINUTE) {
      double v = SyntheticTelemetry.clean(LATENCY, t) + 6 * rnd.nextGaussian();
      model.learn(metricPane(t, LATENCY, v), flat);
    }
    double[] centers = new double[2];
    double[] scales = new double[2];
    int[] hours = {2, 14};
    for (int i = 0; i < 2; i++) {
      long end = T0 + 3 * DAY + hours[i] * HOUR + 5 * MINUTE;
      Map<Long, Pane> panes = new TreeMap<>();
      panes.put(end - MINUTE, metricPane(end - MINUTE, LATENCY, 100));
      WindowAssembly w = BUILDER.build("aws", "svc", end, panes);
      model.annotate(w, flat);
      centers[i] = w.expectedCenter[0];
      scales[i] = w.expectedScale[0];
    }
    double nightToDay = Math.abs(SyntheticTelemetry.clean(LATENCY, T0 + 2 * HOUR)
        - SyntheticTelemetry.clean(LATENCY, T0 + 14 * HOUR));
    assertThat(centers[1]).isEqualTo(centers[0]);
    assertThat(scales[1]).isEqualTo(scales[0]);
    assertThat(scales[0]).as("the daily swing widens the global scale").isGreaterThan(12.0);
    assertThat(nightToDay).as("the synthetic day has a cycle to lose").isGreaterThan(20.0);
  }

  @Test
  void metricsStayColdUntilMature() {
    BaselineModel model = new BaselineModel();
    long t = learnDiurnal(model, T0, CFG.metricMatureSamples - 1, new Random(2));
    WindowAssembly cold = annotate(model, t, metricPane(t - MINUTE, LATENCY, 100));
    assertThat(cold.expectedCenter[0]).isNaN();
    assertThat(cold.baselineSamples[0]).isEqualTo(CFG.metricMatureSamples - 1);
    t = learnDiurnal(model, t, 1, new Random(3));
    WindowAssembly warm = annotate(model, t, metricPane(t - MINUTE, LATENCY, 100));
    assertThat(warm.expectedCenter[0]).isCloseTo(SyntheticTelemetry.clean(LATENCY, t), within(15.0));
  }

  @Test
  void winsorisedUpdatesResistASustainedShift() {
    BaselineModel model = new BaselineModel();
    Random rnd = new Random(4);
    long onset = learnDiurnal(model, T0, 2 * 1440 + 10 * 60, rnd);
    WindowAssembly before = annotate(model, onset + 30 * MINUTE,
        metricPane(onset + 29 * MINUTE, LATENCY, 0));
    for (long t = onset; t < onset + 30 * MINUTE; t += MINUTE) {
      model.learn(metricPane(t, LATENCY, 3 * SyntheticTelemetry.clean(LATENCY, t)), CFG);
    }
    WindowAssembly after = annotate(model, onset + 30 * MINUTE,
        metricPane(onset + 29 * MINUTE, LATENCY, 0));
    double shift = after.expectedCenter[0] - before.expectedCenter[0];
    assertThat(shift).isLessThan(2 * before.expectedScale[0]);
    assertThat(after.expectedScale[0]).isLessThan(2 * before.expectedScale[0]);
  }

  @Test
  void scalesHaveRelativeAndAbsoluteFloors() {
    BaselineModel model = new BaselineModel();
    for (int i = 0; i < 100; i++) {
      model.learn(metricPane(T0 + i * MINUTE, "queue_depth", 100), CFG);
      model.learn(metricPane(T0 + i * MINUTE, "dropped", 0), CFG);
    }
    long end = T0 + 100 * MINUTE;
    WindowAssembly w = annotate(model, end, metricPane(end - MINUTE, "queue_depth", 100));
    assertThat(w.expectedScale[0]).isCloseTo(100 * CFG.relativeScaleFloor, within(1e-9));
    w = annotate(model, end, metricPane(end - MINUTE, "dropped", 0));
    assertThat(w.expectedScale[0]).isEqualTo(CFG.absoluteScaleFloor);
  }

  @Test
  void logCountScalesArePoissonAware() {
    BaselineModel model = new BaselineModel();
    Pane last = null;
    for (int i = 0; i < 60; i++) {
      last = new Pane(T0 + i * MINUTE);
      for (int k = 0; k < 16; k++) {
        addLog(last, Severity.ERROR, "timeout calling ledger after " + k + " ms");
      }
      addLog(last, Severity.INFO, "served request");
      model.learn(last, CFG);
    }
    WindowAssembly w = annotate(model, T0 + 60 * MINUTE, last);
    assertThat(w.logBaselineSamples).isEqualTo(60);
    assertThat(w.expectedErrors).isCloseTo(16, within(1e-6));
    assertThat(w.errorScale).isCloseTo(4, within(1e-6));
    assertThat(w.expectedWarns).isCloseTo(0, within(1e-6));
    assertThat(w.warnScale).isCloseTo(Math.sqrt(CFG.poissonMinMean), within(1e-9));
  }

  @Test
  void templatesAreNovelOnlyAfterTheLogBaselineMatured() {
    BaselineModel model = new BaselineModel();
    Pane first = new Pane(T0);
    addLog(first, Severity.ERROR, "cannot reach db 10.0.0.1");
    model.learn(first, CFG);
    WindowAssembly fresh = annotate(model, T0 + MINUTE, first);
    assertThat(fresh.templateNovel).containsExactly(false);

    long t = T0 + MINUTE;
    for (int i = 0; i < 40; i++, t += MINUTE) {
      Pane p = new Pane(t);
      addLog(p, Severity.INFO, "served request in " + i + " ms");
      model.learn(p, CFG);
    }
    Pane incident = new Pane(t);
    addLog(incident, Severity.ERROR, "ledger checksum mismatch in block 77");
    addLog(incident, Severity.INFO, "served request in 5 ms");
    addLog(incident, Severity.ERROR, "cannot reach db 10.0.0.9");
    model.learn(incident, CFG);
    WindowAssembly w = annotate(model, t + MINUTE, incident);
    assertThat(w.templates).hasSize(3);
    assertThat(w.templateNovel).containsExactly(true, false, false);
    assertThat(model.templateFirstSeen(w.templates[0])).isEqualTo(t);

    long later = t + 20 * MINUTE;
    Pane again = new Pane(later);
    addLog(again, Severity.ERROR, "ledger checksum mismatch in block 78");
    model.learn(again, CFG);
    assertThat(annotate(model, later + MINUTE, again).templateNovel).containsExactly(false);
  }

  @Test
  void stalestTemplateIsEvictedWhenFull() {
    BaselineConfig small = BaselineConfig.builder().maxTemplates(4).build();
    BaselineModel model = new BaselineModel(small);
    String[] messages = {"alpha failed", "beta failed", "gamma failed", "delta failed"};
    for (int i = 0; i < messages.length; i++) {
      Pane p = new Pane(T0 + i * MINUTE);
      addLog(p, Severity.WARN, messages[i]);
      if (i > 0) {
        addLog(p, Severity.WARN, "alpha failed");
      }
      model.learn(p);
    }
    Pane p = new Pane(T0 + 10 * MINUTE);
    addLog(p, Severity.WARN, "epsilon failed");
    model.learn(p);
    assertThat(model.knownTemplates()).isEqualTo(4);
    assertThat(model.templateFirstSeen("beta failed")).isEqualTo(-1);
    assertThat(model.templateFirstSeen("alpha failed")).isEqualTo(T0);
    assertThat(model.templateFirstSeen("epsilon failed")).isEqualTo(T0 + 10 * MINUTE);
  }

  @Test
  void staleMetricSlotsAreRecycled() {
    BaselineConfig small = BaselineConfig.builder().maxMetrics(2).metricExpiryMillis(HOUR).build();
    BaselineModel model = new BaselineModel(small);
    model.learn(metricPane(T0, "a", 1));
    model.learn(metricPane(T0, "b", 2));
    model.learn(metricPane(T0 + 30 * MINUTE, "b", 2));
    model.learn(metricPane(T0 + 30 * MINUTE, "c", 3));
    assertThat(model.indexOf("c")).isEqualTo(-1);
    model.learn(metricPane(T0 + 2 * HOUR, "c", 3));
    assertThat(model.indexOf("c")).isEqualTo(0);
    assertThat(model.indexOf("a")).isEqualTo(-1);
    WindowAssembly w = annotate(model, T0 + 2 * HOUR + MINUTE, metricPane(T0 + 2 * HOUR, "c", 3));
    assertThat(w.baselineSamples[0]).isEqualTo(1);
  }

  @Test
  void isAFlinkPojoThatRoundTripsWithoutKryo() throws Exception {
    TypeInformation<BaselineModel> info = TypeInformation.of(BaselineModel.class);
    assertThat(info).isInstanceOf(PojoTypeInfo.class);
    PojoTypeInfo<BaselineModel> pojo = (PojoTypeInfo<BaselineModel>) info;
    for (int i = 0; i < pojo.getArity(); i++) {
      assertThat(pojo.getTypeAt(i)).as(pojo.getPojoFieldAt(i).getField().getName())
          .isNotInstanceOf(GenericTypeInfo.class);
    }
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    TypeSerializer<BaselineModel> serializer = info.createSerializer(config);

    BaselineModel model = new BaselineModel();
    long t = learnDiurnal(model, T0, 200, new Random(5));
    Pane logs = new Pane(t);
    addLog(logs, Severity.ERROR, "cannot reach db 10.0.0.1");
    model.learn(logs, CFG);
    DataOutputSerializer out = new DataOutputSerializer(1024);
    serializer.serialize(model, out);
    BaselineModel copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(out.length()).isLessThan(4096);
    WindowAssembly a = annotate(model, t + MINUTE, metricPane(t, LATENCY, 100), logs);
    WindowAssembly b = annotate(copy, t + MINUTE, metricPane(t, LATENCY, 100), logs);
    assertThat(b.expectedCenter).containsExactly(a.expectedCenter);
    assertThat(b.expectedScale).containsExactly(a.expectedScale);
    assertThat(copy.templateFirstSeen("cannot reach db <ip>")).isEqualTo(t);
  }

  @Test
  void configIsValidated() {
    assertThatThrownBy(() -> BaselineConfig.builder().recentSteps(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BaselineConfig.builder().windowSteps(2).build())
        .hasMessageContaining("recentSteps");
    assertThatThrownBy(() -> BaselineConfig.builder().ewmaAlpha(0).build())
        .hasMessageContaining("ewmaAlpha");
    BaselineConfig c = BaselineConfig.builder().stepMillis(300_000).windowSteps(6).build();
    BaselineConfig copy = c.toBuilder().build();
    assertThat(copy.stepMillis).isEqualTo(300_000);
    assertThat(copy.windowSteps).isEqualTo(6);
    assertThat(c.scoreOf(c.scoreZ0)).isZero();
    assertThat(c.scoreOf(7)).isGreaterThan(0.8);
  }
}
