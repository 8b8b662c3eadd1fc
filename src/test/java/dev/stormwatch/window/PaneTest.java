package dev.stormwatch.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import org.junit.jupiter.api.Test;

/** One key's step: bounded templates that keep WARN and ERROR ones, and every line in the totals. */
class PaneTest {

  private static void log(Pane pane, int severity, String template, int times) {
    for (int i = 0; i < times; i++) {
      pane.add(TelemetryEvent.log(1_000, "aws", "r", "svc", "", severity, template + " line"), template);
    }
  }

  @Test
  void aFullPaneMakesRoomForAnErrorTemplateButNotForAnotherInfoOne() {
    Pane pane = new Pane(0);
    for (int t = 0; t < Pane.MAX_TEMPLATES; t++) {
      log(pane, Severity.INFO, "info " + t, t == 7 ? 1 : 3);
    }
    log(pane, Severity.INFO, "one more info", 2);
    assertThat(pane.templates).hasSize(Pane.MAX_TEMPLATES).doesNotContain("one more info");

    log(pane, Severity.ERROR, "connection refused", 2);
    assertThat(pane.templates).hasSize(Pane.MAX_TEMPLATES).contains("connection refused")
        .as("the least-logged INFO template made room").doesNotContain("info 7");
    int e = java.util.Arrays.asList(pane.templates).indexOf("connection refused");
    assertThat(pane.templateCounts[e]).isEqualTo(2);
    assertThat(pane.templateSeverity[e]).isEqualTo(Severity.ERROR);

    log(pane, Severity.WARN, "pool nearly full", 1);
    assertThat(pane.templates).contains("pool nearly full", "connection refused");
    for (int t = 0; t < Pane.MAX_TEMPLATES; t++) {
      log(pane, Severity.ERROR, "error " + t, 1);
    }
    assertThat(pane.templates).as("ERROR templates never give way to one another").contains("connection refused")
        .doesNotContain("pool nearly full");

    assertThat(pane.info).isEqualTo(3 * (Pane.MAX_TEMPLATES - 1) + 1 + 2);
    assertThat(pane.warn).isEqualTo(1);
    assertThat(pane.error).isEqualTo(2 + Pane.MAX_TEMPLATES);
    int kept = java.util.Arrays.stream(pane.templateCounts).sum();
    assertThat(kept + pane.overflow).as("every line is in a kept template or in the overflow")
        .isEqualTo(pane.info + pane.warn + pane.error);
  }
}
