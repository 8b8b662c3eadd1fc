package dev.stormwatch.model.logs;

import dev.stormwatch.event.Severity;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one window's log tokens for the fusion model. With D the embedding dimension (384 for
 * all-MiniLM-L6-v2) every row has width W = D + 5:
 *
 * <pre>
 * token k (one template), k &lt; maxTokens (default 16):
 *   [0, D)  unit-length embedding of the template text
 *   D       log1p(line count of the template in the window)
 *   D+1     1 if its highest severity is INFO or below, else 0   (Severity.bucket == 0)
 *   D+2     1 if it is WARN, else 0                              (bucket 1)
 *   D+3     1 if it is ERROR or FATAL, else 0                    (bucket 2)
 *   D+4     1 if the template is novel, else 0
 * summary (whole window, all templates, not only the first maxTokens):
 *   [0, D)  line-count-weighted mean of the template embeddings, L2-normalised
 *   D       log1p(total lines)
 *   D+1..3  share of lines in severity bucket 0, 1, 2 (sums to 1 when there are lines)
 *   D+4     share of lines that belong to novel templates
 * </pre>
 *
 * Tokens are ordered most severe first, then novel first, then most frequent, then by id; rows past
 * the templates are zero and masked out. An empty window gives all zeros.
 */
public final class LogWindowFeatures {
  /** Features after the embedding in each row. */
  public static final int EXTRA_FEATURES = 5;

  public static final int DEFAULT_MAX_TOKENS = 16;

  private final TemplateEmbeddingCache cache;
  private final int maxTokens;

  public LogWindowFeatures(TemplateEmbeddingCache cache) {
    this(cache, DEFAULT_MAX_TOKENS);
  }

  public LogWindowFeatures(TemplateEmbeddingCache cache, int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
    }
    this.cache = cache;
    this.maxTokens = maxTokens;
  }

  /** Row width W = D + 5. */
  public int width() {
    return cache.dimension() + EXTRA_FEATURES;
  }

  public int maxTokens() {
    return maxTokens;
  }

  /** Tokens from a window's templates (ids are the FNV-1a hashes of the template texts). */
  public LogTokens fromAssembly(WindowAssembly w) {
    List<TemplateStat> stats = new ArrayList<>(w.templates.length);
    for (int i = 0; i < w.templates.length; i++) {
      String text = w.templates[i];
      stats.add(new TemplateStat(TemplateIds.of(text), text, w.templateCounts[i], w.templateSeverity[i], w.templateNovel[i]));
    }
    return fromTemplates(stats);
  }

  /**
   * Tokens from raw lines mined with {@code miner} (which learns from them): a template is novel
   * when one of these lines created its cluster. {@code severities} holds OpenTelemetry numbers, or
   * is null for all INFO.
   */
  public LogTokens fromLines(DrainTemplateMiner miner, List<String> lines, int[] severities) {
    Map<Long, int[]> stats = new LinkedHashMap<>();
    Map<Long, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      MineResult r = miner.add(lines.get(i));
      int severity = severities == null ? Severity.INFO : severities[i];
      int[] s = stats.computeIfAbsent(r.clusterId(), id -> new int[3]);
      s[0]++;
      s[1] = Math.max(s[1], severity);
      s[2] |= r.change() == MineResult.Change.CREATED ? 1 : 0;
      texts.put(r.clusterId(), r.template());
    }
    List<TemplateStat> out = new ArrayList<>(stats.size());
    for (Map.Entry<Long, int[]> e : stats.entrySet()) {
      int[] s = e.getValue();
      out.add(new TemplateStat(e.getKey(), texts.get(e.getKey()), s[0], s[1], s[2] == 1));
    }
    return fromTemplates(out);
  }

  /** Tokens from per-template statistics. */
  public LogTokens fromTemplates(List<TemplateStat> stats) {
    int d = cache.dimension();
    int width = d + EXTRA_FEATURES;
    float[][] tokens = new float[maxTokens][width];
    boolean[] mask = new boolean[maxTokens];
    float[] summary = new float[width];
    if (stats.isEmpty()) {
      return new LogTokens(tokens, mask, 0, summary, 0, 0);
    }
    List<TemplateStat> ordered = new ArrayList<>(stats);
    ordered.sort(
        Comparator.comparingInt((TemplateStat s) -> -Severity.bucket(s.severity()))
            .thenComparing(s -> !s.novel())
            .thenComparingInt(s -> -s.count())
            .thenComparingLong(TemplateStat::id));
    long[] ids = new long[ordered.size()];
    List<String> texts = new ArrayList<>(ordered.size());
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ordered.get(i).id();
      texts.add(ordered.get(i).text());
    }
    float[][] vectors = cache.getAll(ids, texts);
    long lines = 0;
    double[] pooled = new double[d];
    double[] bucketLines = new double[3];
    double novelLines = 0;
    for (int i = 0; i < ids.length; i++) {
      TemplateStat s = ordered.get(i);
      int bucket = Severity.bucket(s.severity());
      if (i < maxTokens) {
        float[] row = tokens[i];
        System.arraycopy(vectors[i], 0, row, 0, d);
        row[d] = (float) Math.log1p(s.count());
        row[d + 1 + bucket] = 1f;
        row[d + 4] = s.novel() ? 1f : 0f;
        mask[i] = true;
      }
      lines += s.count();
      bucketLines[bucket] += s.count();
      novelLines += s.novel() ? s.count() : 0;
      for (int h = 0; h < d; h++) {
        pooled[h] += s.count() * (double) vectors[i][h];
      }
    }
    for (int h = 0; h < d; h++) {
      summary[h] = (float) pooled[h];
    }
    TokenPooling.normalise(summary, d);
    double total = Math.max(lines, 1);
    summary[d] = (float) Math.log1p(lines);
    for (int b = 0; b < 3; b++) {
      summary[d + 1 + b] = (float) (bucketLines[b] / total);
    }
    summary[d + 4] = (float) (novelLines / total);
    return new LogTokens(tokens, mask, Math.min(ids.length, maxTokens), summary, ids.length, lines);
  }
}
