package dev.stormwatch.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowBuilderTest {
  private static final long MIN = 60_000L;
  private final WindowBuilder builder = new WindowBuilder(MIN, 10);

  private static TelemetryEvent metric(long t, String resource, double cpu) {
    return TelemetryEvent.metric(t, "aws", "us-east-1", "payments", resource,
        new String[] {"cpu_util"}, new double[] {cpu});
  }

  @Test
  void resamplesPanesIntoStepsAveragingResourcesAndMarkingGaps() {
    Map<Long, Pane> panes = new HashMap<>();
    long end = 100 * MIN;
    for (int t = 0; t < 10; t++) {
      if (t == 4) {
        continue; // a step without data
      }
      long start = end - (10 - t) * MIN;
      Pane p = new Pane(start);
      p.add(metric(start + 1000, "a", 0.2), null);
      p.add(metric(start + 2000, "b", 0.4), null);
      panes.put(start, p);
    }
    WindowAssembly w = builder.build("aws", "payments", end, panes);
    assertThat(w.start).isEqualTo(90 * MIN);
    assertThat(w.steps).isEqualTo(10);
    assertThat(w.metricNames).containsExactly("cpu_util");
    assertThat(w.value(0, 0)).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(w.value(0, 4)).isNaN();
    assertThat(w.resources).isEqualTo(2);
    assertThat(w.region).isEqualTo("us-east-1");
    assertThat(w.live).isTrue();
  }

  @Test
  void countsLogsPerSeverityAndGroupsTemplatesAcrossSteps() {
    Map<Long, Pane> panes = new HashMap<>();
    long end = 10 * MIN;
    for (int t = 0; t < 10; t++) {
      Pane p = new Pane(t * MIN);
      String msg = "upstream connect error to 10.0.0." + t;
      TelemetryEvent e = TelemetryEvent.log(t * MIN + 5, "gcp", "us-central1", "search", "s-1", Severity.ERROR, msg);
      p.add(e, LogTemplates.mask(msg));
      TelemetryEvent info = TelemetryEvent.log(t * MIN + 6, "gcp", "us-central1", "search", "s-1", Severity.INFO, "ok");
      p.add(info, "ok");
      panes.put(t * MIN, p);
    }
    WindowAssembly w = builder.build("gcp", "search", end, panes);
    assertThat(w.errorCounts).containsOnly(1);
    assertThat(w.infoCounts).containsOnly(1);
    assertThat(w.templates).containsExactly("upstream connect error to <ip>", "ok");
    assertThat(w.templateCounts).containsExactly(10, 10);
    assertThat(w.templateSeverity[0]).isEqualTo(Severity.ERROR);
    assertThat(w.templateFirstStep).containsExactly(0, 0);
    assertThat(w.logLines()).isEqualTo(20);
  }

  @Test
  void warmupOnlyPanesMakeANonLiveWindow() {
    Map<Long, Pane> panes = new HashMap<>();
    Pane p = new Pane(0);
    p.add(metric(10, "a", 0.5).asWarmup(), null);
    panes.put(0L, p);
    assertThat(builder.build("aws", "payments", 10 * MIN, panes).live).isFalse();
  }
}
