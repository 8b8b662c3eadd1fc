package dev.stormwatch.sim;

import java.util.SplittableRandom;

/** Poisson-distributed counts (Knuth's multiplication method; rates here are small). */
final class Poisson {
  private Poisson() {}

  /** A count with mean {@code rate}; 0 for a rate at or below 0. */
  static int draw(double rate, SplittableRandom rng) {
    if (rate <= 0) {
      return 0;
    }
    double limit = Math.exp(-rate);
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= rng.nextDouble();
    }
    return count;
  }
}
