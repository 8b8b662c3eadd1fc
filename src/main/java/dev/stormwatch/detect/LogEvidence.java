package dev.stormwatch.detect;

import dev.stormwatch.event.Severity;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Picks the example log lines a baseline result quotes as evidence. */
final class LogEvidence {
  private static final int MAX_LINES = 3;

  private LogEvidence() {}

  /** Example lines: novel ERROR, novel WARN, then (when errors contribute) the commonest errors. */
  static String[] lines(WindowAssembly w, int from, boolean errorsMatter) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < w.templates.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> evidenceRank(w, i, from))
        .thenComparing(i -> -w.templateCounts[i]));
    List<String> lines = new ArrayList<>();
    for (int i : order) {
      int rank = evidenceRank(w, i, from);
      if (lines.size() == MAX_LINES || rank > 2 || (rank == 2 && !errorsMatter)) {
        break;
      }
      if (!lines.contains(w.templateExamples[i])) {
        lines.add(w.templateExamples[i]);
      }
    }
    return lines.toArray(new String[0]);
  }

  /** 0 novel recent ERROR, 1 novel recent WARN, 2 other ERROR, 3 anything else. */
  private static int evidenceRank(WindowAssembly w, int i, int from) {
    int bucket = Severity.bucket(w.templateSeverity[i]);
    boolean novel = w.templateNovel[i] && w.templateFirstStep[i] >= from;
    if (novel && bucket == 2) {
      return 0;
    }
    if (novel && bucket == 1) {
      return 1;
    }
    return bucket == 2 ? 2 : 3;
  }
}
