package dev.stormwatch.model;

import dev.stormwatch.event.Severity;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Picks example log lines to quote with a hybrid alert: novel templates first, then the commonest errors and warnings. */
final class LogLines {
  private LogLines() {}

  static String[] evidence(WindowAssembly w, int max) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < w.templates.length; i++) {
      if (Severity.bucket(w.templateSeverity[i]) >= 1) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparing((Integer i) -> !w.templateNovel[i])
        .thenComparing(i -> -Severity.bucket(w.templateSeverity[i]))
        .thenComparing(i -> -w.templateCounts[i]));
    List<String> lines = new ArrayList<>();
    for (int i : order) {
      if (lines.size() == max) {
        break;
      }
      if (!lines.contains(w.templateExamples[i])) {
        lines.add(w.templateExamples[i]);
      }
    }
    return lines.toArray(new String[0]);
  }
}
