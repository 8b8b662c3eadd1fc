package dev.stormwatch.eval.nab;

/**
 * A detector's NAB result for one profile over a set of files: the optimised threshold, the raw
 * score, the null and perfect raw scores and {@code normalized = 100 (raw - null) / (perfect -
 * null)} (NaN when the files hold no windows). {@code normalizedAtCorpusThreshold} is the same
 * normalisation with the detector (and null) held at their corpus-wide thresholds; for corpus rows
 * it equals {@code normalized}.
 */
public record ProfileScore(
    String profile,
    double threshold,
    double rawScore,
    double nullScore,
    double perfectScore,
    double normalized,
    double normalizedAtCorpusThreshold,
    long tp,
    long tn,
    long fp,
    long fn) {

  /** {@code 100 (raw - null) / (perfect - null)}, NaN when perfect equals null. */
  public static double normalize(double raw, double nullScore, double perfect) {
    double span = perfect - nullScore;
    return span == 0 ? Double.NaN : 100.0 * (raw - nullScore) / span;
  }
}
