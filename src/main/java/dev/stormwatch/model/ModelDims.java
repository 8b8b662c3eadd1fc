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
 */
public record ModelDims(
    int channels, int steps, int[] convFilters, int lstmHidden, int rffDim, double rffSigma,
    int logDim) {
  /** Kernel sizes of the three parallel convolutions. */
  public static final int[] KERNELS = {3, 5, 7};

  public ModelDims {
    if (convFilters.length != KERNELS.length || channels < 1 || steps < 1 || lstmHidden < 1
        || rffDim < 1 || !(rffSigma > 0) || logDim < 0) {
      throw new IllegalArgumentException("invalid model dimensions");
    }
    convFilters = convFilters.clone();
  }

  /** The defaults: 22+21+21 conv filters, 32 hidden per direction, 128 Fourier features. */
  public static ModelDims defaults(int channels, int steps, int logDim) {
    return new ModelDims(channels, steps, new int[] {22, 21, 21}, 32, 128, 8.0, logDim);
  }

  /** Width of the telemetry tokens (the BiLSTM output). */
  public int tokenDim() {
    return 2 * lstmHidden;
  }

  /** Sum of the convolution filters. */
  public int convWidth() {
    int sum = 0;
    for (int f : convFilters) {
      sum += f;
    }
    return sum;
  }
}
