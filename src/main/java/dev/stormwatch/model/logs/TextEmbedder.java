package dev.stormwatch.model.logs;

import java.util.List;

/** Turns texts into fixed-width vectors; {@link SentenceEmbedder} is the real one. */
public interface TextEmbedder {
  /** One vector of {@link #dimension()} floats per text, in order. */
  float[][] embed(List<String> texts);

  /** Vector width. */
  int dimension();
}
