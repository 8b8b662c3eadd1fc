package dev.stormwatch.eval.nab;

/**
 * Service-provider hook for NAB detectors: implementations listed in {@code
 * META-INF/services/dev.stormwatch.eval.nab.NabDetectorPlugin} are registered in {@link
 * NabDetectors} by name, so {@code nab --detector NAME} finds them without code changes.
 */
public interface NabDetectorPlugin {
  /** The detector name used with {@code --detector}. */
  String name();

  /** A fresh scorer for one file. */
  StreamingScorer create(SeriesContext context);
}
