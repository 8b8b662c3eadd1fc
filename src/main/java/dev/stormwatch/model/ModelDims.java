package dev.stormwatch.model;

/**
 * Sizes of the hybrid network.
 *
 * @param channels input channels (from the {@link FeatureSchema})
 * @param steps input steps
 * @param convFilters filters of the kernel-3, -5 and -7 convolutions (summing to the token width)
 * @param lstmHidden hidden units per LSTM direction
 * @param rffDim random Fourier features of the RBF layer
 * @param rffSigma RBF kernel bandwidth
 * @param logDim width of the optional log-template tokens (0 = no log branch)
 * @param logTokens log-template tokens per window (0 when {@code logDim} is 0)
 * @param architecture which stages the network has
 */
public record ModelDims(
    int channels, int steps, int[] convFilters, int lstmHidden, int rffDim, double rffSigma,
    int logDim, int logTokens, Architecture architecture) {
  /** Kernel sizes of the three parallel convolutions. */
  public static final int[] KERNELS = {3, 5, 7};

  public ModelDims {
    if (convFilters.length != KERNELS.length || channels < 1 || steps < 1 || lstmHidden < 1
        || rffDim < 1 || !(rffSigma > 0) || logDim < 0 || logTokens < 0
        || (logDim > 0) != (logTokens > 0)) {
      throw new IllegalArgumentException("invalid model dimensions");
    }
    convFilters = convFilters.clone();
    if (!architecture.lstm() && sum(convFilters) != 2 * lstmHidden) {
      throw new IllegalArgumentException("without the BiLSTM the conv filters must sum to the token width");
    }
  }

  /** The full architecture with {@code logTokens} = 8 when there is a log branch. */
  public ModelDims(int channels, int steps, int[] convFilters, int lstmHidden, int rffDim,
      double rffSigma, int logDim) {
    this(channels, steps, convFilters, lstmHidden, rffDim, rffSigma, logDim, logDim > 0 ? 8 : 0,
        Architecture.FULL);
  }

  /** The defaults: 22+21+21 conv filters, 32 hidden per direction, 128 Fourier features. */
  public static ModelDims defaults(int channels, int steps, int logDim) {
    return new ModelDims(channels, steps, new int[] {22, 21, 21}, 32, 128, 8.0, logDim);
  }

  /** The defaults with {@code logTokens} log tokens and the given architecture. */
  public static ModelDims defaults(int channels, int steps, int logDim, int logTokens,
      Architecture architecture) {
    return new ModelDims(channels, steps, new int[] {22, 21, 21}, 32, 128, 8.0, logDim,
        logDim > 0 ? logTokens : 0, architecture);
  }

  /** Width of the telemetry tokens (the BiLSTM output). */
  public int tokenDim() {
    return 2 * lstmHidden;
  }

  /** Sum of the convolution filters. */
  public int convWidth() {
    return sum(convFilters);
  }

  /** Tokens the fusion sees: one per step plus the log tokens. */
  public int tokens() {
    return steps + logTokens;
  }

  private static int sum(int[] values) {
    int s = 0;
    for (int v : values) {
      s += v;
    }
    return s;
  }
}
