package dev.stormwatch.alert.bayes;

/**
 * Beta-distribution special functions: log-gamma (Lanczos, g = 7), the Beta log-density, the
 * regularised incomplete beta I_x(a, b) (Lentz's continued fraction) and its inverse (bisection).
 */
public final class BetaMath {
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double TINY = 1e-300;
  private static final double EPS = 1e-15;

  private BetaMath() {}

  /** ln Gamma(x) for x > 0. */
  public static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** ln B(a, b). */
  public static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  /** ln of the Beta(a, b) density at x in (0, 1). */
  public static double logDensity(double x, double a, double b) {
    return (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b);
  }

  /** The regularised incomplete beta I_x(a, b) = P(X <= x) for X ~ Beta(a, b). */
  public static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
    if (x < (a + 1) / (a + b + 2)) {
      return front * continuedFraction(x, a, b) / a;
    }
    return 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  /** The p-quantile of Beta(a, b): the x with I_x(a, b) = p, to about 1e-12 relative precision. */
  public static double inverseRegularizedBeta(double p, double a, double b) {
    if (p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(lo, 1e-300); i++) {
      double mid = lo > 0 ? Math.sqrt(lo * hi) : hi / 2;
      if (lo > 0 && hi / lo < 4) {
        mid = (lo + hi) / 2;
      }
      if (regularizedBeta(mid, a, b) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** Modified Lentz evaluation of the incomplete-beta continued fraction. */
  private static double continuedFraction(double x, double a, double b) {
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < TINY ? TINY : d);
    double h = d;
    for (int m = 1; m <= 500; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 / nonZero(1 + even * d);
      c = nonZero(1 + even / c);
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 / nonZero(1 + odd * d);
      c = nonZero(1 + odd / c);
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) {
        break;
      }
    }
    return h;
  }

  private static double nonZero(double v) {
    return Math.abs(v) < TINY ? TINY : v;
  }
}
