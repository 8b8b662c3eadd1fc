package dev.stormwatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;

/** Clears the gradients that DJL's PyTorch engine accumulates into each parameter. */
public final class Gradients {
  private Gradients() {}

  /**
   * Zeroes the gradients of one block's parameters, NaN and infinite entries included. (The Adam
   * step zeroes the gradients it applies; {@code GradientCollector.zeroGradients} walks every array
   * the engine holds, which grows with every model trained in the JVM.)
   */
  public static void clear(Block block) {
    for (var p : block.getParameters().values()) {
      NDArray array = p.getArray();
      if (array.hasGradient()) {
        try (NDArray gradient = array.getGradient()) {
          clear(gradient);
        }
      }
    }
  }

  /**
   * Zeroes a gradient in place. Subtracting a gradient from itself, as DJL's {@code
   * GradientCollector.zeroGradients} does, leaves NaN wherever it was NaN or infinite, and the
   * engine accumulates the next backward pass into that buffer: one non-finite batch would poison
   * every later one.
   */
  public static void clear(NDArray gradient) {
    try (NDArray bad = gradient.isNaN().logicalOr(gradient.isInfinite())) {
      gradient.set(bad, 0);
    }
    gradient.subi(gradient);
  }
}
