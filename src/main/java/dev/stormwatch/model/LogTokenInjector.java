package dev.stormwatch.model;

import dev.stormwatch.event.Severity;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adds synthetic templates to a window's log tokens, with real text: templates that other services
 * logged in the training data, marked novel. Bursts of novel WARN/ERROR templates are anomalies;
 * a few novel INFO lines (what a deploy or a scaling event logs) are normal.
 */
final class LogTokenInjector {
  private final LogBranch branch;
  private final Map<String, List<String>> severeByService = new TreeMap<>();
  private final Map<String, List<String>> infoByService = new TreeMap<>();
  private final Map<String, Set<String>> seenByService = new TreeMap<>();

  LogTokenInjector(LogBranch branch, List<WindowAssembly> windows) {
    this.branch = branch;
    Map<String, Set<String>> severe = new TreeMap<>();
    Map<String, Set<String>> info = new TreeMap<>();
    for (WindowAssembly w : windows) {
      for (int i = 0; i < w.templates.length; i++) {
        Map<String, Set<String>> pool = Severity.bucket(w.templateSeverity[i]) > 0 ? severe : info;
        pool.computeIfAbsent(w.service, s -> new TreeSet<>()).add(w.templates[i]);
        seenByService.computeIfAbsent(w.service, s -> new TreeSet<>()).add(w.templates[i]);
      }
    }
    severe.forEach((s, t) -> severeByService.put(s, new ArrayList<>(t)));
    info.forEach((s, t) -> infoByService.put(s, new ArrayList<>(t)));
  }

  /** Copy of {@code tokens} with 1-3 novel WARN/ERROR templates of other services; null if none. */
  float[] withNovelErrors(float[] tokens, String service, Random rnd) {
    return with(tokens, service, severeByService, rnd, true);
  }

  /** Copy of {@code tokens} with 1-2 novel INFO templates of other services; null if none. */
  float[] withNovelInfo(float[] tokens, String service, Random rnd) {
    return with(tokens, service, infoByService, rnd, false);
  }

  private float[] with(float[] tokens, String service, Map<String, List<String>> pools, Random rnd,
      boolean severe) {
    List<String> candidates = new ArrayList<>();
    Set<String> own = seenByService.getOrDefault(service, Set.of());
    List<String> others = new ArrayList<>(pools.keySet());
    others.remove(service);
    if (others.isEmpty()) {
      return null;
    }
    for (int tries = 0; tries < 8 && candidates.size() < (severe ? 3 : 2); tries++) {
      List<String> pool = pools.get(others.get(rnd.nextInt(others.size())));
      String t = pool.get(rnd.nextInt(pool.size()));
      if (!own.contains(t) && !candidates.contains(t)) {
        candidates.add(t);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    int n = 1 + rnd.nextInt(candidates.size());
    int width = branch.width();
    int d = branch.extraOffset();
    List<float[]> rows = new ArrayList<>();
    for (int k = 0; k < branch.tokens(); k++) {
      float[] row = java.util.Arrays.copyOfRange(tokens, k * width, (k + 1) * width);
      if (row[d] > 0) {
        rows.add(row);
      }
    }
    for (int i = 0; i < n; i++) {
      float[] row = new float[width];
      System.arraycopy(branch.embed(candidates.get(i)), 0, row, 0, d);
      int count = severe ? 3 + rnd.nextInt(38) : 1 + rnd.nextInt(4);
      int bucket = severe ? (rnd.nextDouble() < 0.7 ? 2 : 1) : 0;
      row[d] = (float) Math.log1p(count);
      row[d + 1 + bucket] = 1f;
      row[d + 4] = 1f;
      rows.add(row);
    }
    rows.sort(Comparator.comparingInt((float[] r) -> -bucket(r, d))
        .thenComparing(r -> r[d + 4] == 0f)
        .thenComparing(r -> -r[d]));
    float[] out = new float[tokens.length];
    for (int k = 0; k < Math.min(rows.size(), branch.tokens()); k++) {
      System.arraycopy(rows.get(k), 0, out, k * width, width);
    }
    return out;
  }

  private static int bucket(float[] row, int d) {
    return row[d + 3] > 0 ? 2 : row[d + 2] > 0 ? 1 : 0;
  }
}
