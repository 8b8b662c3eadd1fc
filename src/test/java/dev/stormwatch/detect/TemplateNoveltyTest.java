package dev.stormwatch.detect;

import static dev.stormwatch.detect.SyntheticTelemetry.MINUTE;
import static dev.stormwatch.detect.SyntheticTelemetry.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.window.LogTemplates;
import dev.stormwatch.window.Pane;
import dev.stormwatch.window.WindowAssembly;
import dev.stormwatch.window.WindowBuilder;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TemplateNoveltyTest {
  private static final BaselineConfig CFG = BaselineConfig.defaults();
  private static final WindowBuilder BUILDER = new WindowBuilder(MINUTE, 10);
  private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
      "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa"};

  private static void addLog(Pane p, int severity, String message) {
    p.add(TelemetryEvent.log(p.start + 2, "aws", "", "svc", "r1", severity, message),
        LogTemplates.mask(message));
  }

  /** Learns 200 steps with one ERROR per step; every 10th step's error is a new long-tail one. */
  private static long learnHistory(BaselineModel model, boolean longTail) {
    long t = T0;
    for (int i = 0; i < 200; i++, t += MINUTE) {
      Pane p = new Pane(t);
      addLog(p, Severity.INFO, "served request in " + i + " ms");
      String error = longTail && i > 40 && i % 10 == 0
          ? "shard " + WORDS[i / 10 % WORDS.length] + " rejected a write from " + WORDS[i / 160]
          : "upstream returned 503";
      addLog(p, Severity.ERROR, error);
      model.learn(p, CFG);
    }
    return t;
  }

  private static WindowAssembly learnAndAnnotate(BaselineModel model, long t, int repeats) {
    Pane p = new Pane(t);
    for (int i = 0; i < repeats; i++) {
      addLog(p, Severity.ERROR, "ledger checksum mismatch in block " + i);
    }
    model.learn(p, CFG);
    Map<Long, Pane> panes = new TreeMap<>(Map.of(t, p));
    WindowAssembly w = BUILDER.build("aws", "svc", t + MINUTE, panes);
    model.annotate(w, CFG);
    return w;
  }

  @Test
  void aNewTemplateIsNovelOnAKeyWhoseTemplatesAreStable() {
    BaselineModel model = new BaselineModel();
    long t = learnHistory(model, false);
    assertThat(learnAndAnnotate(model, t, 1).templateNovel).containsExactly(true);
  }

  @Test
  void aOneOffNewTemplateIsNotNovelOnAKeyThatKeepsDiscoveringTemplates() {
    BaselineModel model = new BaselineModel();
    long t = learnHistory(model, true);
    assertThat(model.discoveredTemplates[2]).isGreaterThan(10);
    assertThat(learnAndAnnotate(model, t, 1).templateNovel).containsExactly(false);
  }

  @Test
  void aRepeatingNewTemplateIsNovelEvenOnALongTailKey() {
    BaselineModel model = new BaselineModel();
    long t = learnHistory(model, true);
    assertThat(learnAndAnnotate(model, t, 4).templateNovel).containsExactly(true);
  }
}
