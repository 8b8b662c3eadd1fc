package dev.stormwatch.model;

import dev.stormwatch.model.logs.LogTokens;
import dev.stormwatch.model.logs.LogWindowFeatures;
import dev.stormwatch.model.logs.TemplateEmbeddingCache;
import dev.stormwatch.window.WindowAssembly;

/**
 * The log branch's input: a window's templates as {@code tokens x width} floats (row layout of
 * {@link LogWindowFeatures}: template embedding, log1p count, severity one-hot, novelty), the
 * template embeddings coming from a bounded {@link TemplateEmbeddingCache} so the language model
 * runs once per new template. One instance per subtask or training run (not thread-safe).
 */
public final class LogBranch {
  /** Default log tokens per window. */
  public static final int DEFAULT_TOKENS = 8;

  private final EmbeddingModel model;
  private final TemplateEmbeddingCache cache;
  private final LogWindowFeatures features;

  public LogBranch(EmbeddingModel model, int tokens, int cacheCapacity) {
    this.model = model;
    this.cache = new TemplateEmbeddingCache(model.embedder(), cacheCapacity);
    this.features = new LogWindowFeatures(cache, tokens);
  }

  public LogBranch(EmbeddingModel model, int tokens) {
    this(model, tokens, TemplateEmbeddingCache.DEFAULT_CAPACITY);
  }

  public EmbeddingModel model() {
    return model;
  }

  public TemplateEmbeddingCache cache() {
    return cache;
  }

  /** Row width (embedding dimension + 5). */
  public int width() {
    return features.width();
  }

  /** Tokens per window. */
  public int tokens() {
    return features.maxTokens();
  }

  /** Offset of the per-row features after the embedding (count, severity one-hot, novelty). */
  public int extraOffset() {
    return model.dimension();
  }

  /** The window's log tokens, flattened row-major ({@code tokens * width}); zeros without logs. */
  public float[] tokens(WindowAssembly w) {
    LogTokens t = features.fromAssembly(w);
    int width = width();
    float[] flat = new float[tokens() * width];
    for (int k = 0; k < t.validTokens(); k++) {
      System.arraycopy(t.tokens()[k], 0, flat, k * width, width);
    }
    return flat;
  }

  /** The embedding of a template text (cached). */
  public float[] embed(String template) {
    return cache.get(dev.stormwatch.model.logs.TemplateIds.of(template), template);
  }
}
