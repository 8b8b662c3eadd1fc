package dev.stormwatch.model;

import java.util.Locale;

/**
 * Which stages the hybrid network has (the full model and the paper's ablations).
 *
 * @param conv the three parallel convolutions (off: the BiLSTM reads the raw channels)
 * @param lstm the BiLSTM (off: the convolution outputs are the telemetry tokens)
 * @param attention attention fusion (off: the tokens are concatenated and projected)
 * @param rbfHead the random-Fourier-feature RBF Deep-SVM head with the hinge loss (off: a linear
 *     logistic head with the logistic loss)
 */
public record Architecture(boolean conv, boolean lstm, boolean attention, boolean rbfHead) {
  /** The full model: CNN + BiLSTM + attention fusion + RBF Deep-SVM. */
  public static final Architecture FULL = new Architecture(true, true, true, true);

  public Architecture {
    if (!conv && !lstm) {
      throw new IllegalArgumentException("the network needs the CNN, the BiLSTM or both");
    }
  }

  /** Parses {@code full}, {@code cnn-only}, {@code bilstm-only}, {@code concat} or {@code logistic}. */
  public static Architecture parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "full" -> FULL;
      case "cnn-only" -> new Architecture(true, false, true, true);
      case "bilstm-only" -> new Architecture(false, true, true, true);
      case "concat" -> new Architecture(true, true, false, true);
      case "logistic" -> new Architecture(true, true, true, false);
      default -> throw new IllegalArgumentException(
          "architecture must be full, cnn-only, bilstm-only, concat or logistic, got " + name);
    };
  }

  /** Fusion name for the manifest. */
  public String fusion() {
    return attention ? "attention" : "concat";
  }

  /** Head name for the manifest. */
  public String head() {
    return rbfHead ? "rbf_svm" : "logistic";
  }

  /** Rebuilds an architecture from the manifest's names. */
  public static Architecture of(boolean conv, boolean lstm, String fusion, String head) {
    if (!fusion.equals("attention") && !fusion.equals("concat")) {
      throw new IllegalArgumentException("unknown fusion " + fusion);
    }
    if (!head.equals("rbf_svm") && !head.equals("logistic")) {
      throw new IllegalArgumentException("unknown head " + head);
    }
    return new Architecture(conv, lstm, fusion.equals("attention"), head.equals("rbf_svm"));
  }
}
