package dev.stormwatch.model;

import dev.stormwatch.model.logs.SentenceEmbedder;
import dev.stormwatch.model.logs.TextEmbedder;
import java.io.IOException;

/**
 * The sentence-embedding model behind the log tokens: its id and sha256 (recorded in the manifest
 * and checked when an artifact loads) and the embedder. {@link #bundled()} is the all-MiniLM-L6-v2
 * ONNX model on the classpath, opened once per JVM and shared.
 */
public record EmbeddingModel(String id, String sha256, TextEmbedder embedder) {
  private static EmbeddingModel bundled;

  /** The bundled all-MiniLM-L6-v2 (384-d), shared by the whole JVM. */
  public static synchronized EmbeddingModel bundled() throws IOException {
    if (bundled == null) {
      try {
        SentenceEmbedder e = SentenceEmbedder.bundledMiniLm();
        bundled = new EmbeddingModel(e.modelId(), e.sha256(), e);
      } catch (ai.onnxruntime.OrtException | RuntimeException e) {
        throw new IOException("cannot open the bundled sentence-embedding model "
            + SentenceEmbedder.MINILM_ID + ": " + e.getMessage(), e);
      }
    }
    return bundled;
  }

  /** The embedding width. */
  public int dimension() {
    return embedder.dimension();
  }
}
