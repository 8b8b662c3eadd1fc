package dev.stormwatch.model;

import dev.stormwatch.model.logs.TextEmbedder;
import java.util.List;
import java.util.Locale;

/** A tiny deterministic text embedder for tests: words hashed into 16 buckets, L2-normalised. */
final class HashedWordsEmbedder implements TextEmbedder {
  static final int DIM = 16;

  /** As an embedding model with the given sha256 (tests of the manifest check vary it). */
  static EmbeddingModel model(String sha256) {
    return new EmbeddingModel("test/hashed-words", sha256, new HashedWordsEmbedder());
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][DIM];
    for (int i = 0; i < texts.size(); i++) {
      double norm = 0;
      for (String word : texts.get(i).toLowerCase(Locale.ROOT).split("\\W+")) {
        if (!word.isEmpty()) {
          out[i][Math.floorMod(word.hashCode(), DIM)] += 1f;
        }
      }
      for (float v : out[i]) {
        norm += v * v;
      }
      for (int h = 0; h < DIM && norm > 0; h++) {
        out[i][h] /= (float) Math.sqrt(norm);
      }
    }
    return out;
  }

  @Override
  public int dimension() {
    return DIM;
  }
}
