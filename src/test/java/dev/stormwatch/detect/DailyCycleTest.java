package dev.stormwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The label-free daily-cycle test: repeating days, noise, one-off days and too little history. */
class DailyCycleTest {
  private static final long FIVE_MIN = 300_000L;
  private static final int PER_DAY = 288;
  private static final long T0 = 1_599_955_200_000L; // 2020-09-13T00:00Z

  @Test
  void aRepeatingDailySineWithNoiseCorrelatesNearOne() {
    SplittableRandom random = new SplittableRandom(3);
    double[] values = series(PER_DAY * 2 + 100,
        i -> 100 + 20 * Math.sin(2 * Math.PI * i / PER_DAY) + 2 * random.nextGaussian());
    assertThat(DailyCycle.alternateDayCorrelation(times(values.length), values, values.length))
        .isGreaterThan(0.95);
  }

  @Test
  void noiseWithoutACycleCorrelatesNearZero() {
    SplittableRandom random = new SplittableRandom(4);
    double[] values = series(PER_DAY * 4, i -> 100 + 5 * random.nextGaussian());
    double r = DailyCycle.alternateDayCorrelation(times(values.length), values, values.length);
    assertThat(Math.abs(r)).isLessThan(0.5);
  }

  @Test
  void aCycleThatFlipsFromOneDayToTheNextDoesNotRepeat() {
    double[] values = series(PER_DAY * 2,
        i -> 100 + 20 * Math.sin(2 * Math.PI * i / PER_DAY) * (i < PER_DAY ? 1 : -1));
    assertThat(DailyCycle.alternateDayCorrelation(times(values.length), values, values.length))
        .isLessThan(-0.9);
  }

  @Test
  void underTwoDaysItCannotTell() {
    double[] values = series(PER_DAY + PER_DAY / 4, i -> Math.sin(2 * Math.PI * i / PER_DAY));
    assertThat(DailyCycle.alternateDayCorrelation(times(values.length), values, values.length))
        .isNaN();
    assertThat(DailyCycle.alternateDayCorrelation(times(values.length), values, 0)).isNaN();
  }

  @Test
  void onlyTheFirstNFiniteValuesCount() {
    double[] values = series(PER_DAY * 3,
        i -> i < PER_DAY * 2 ? Math.sin(2 * Math.PI * i / PER_DAY) : i);
    values[7] = Double.NaN;
    assertThat(DailyCycle.alternateDayCorrelation(times(values.length), values, PER_DAY * 2))
        .isGreaterThan(0.99);
  }

  @Test
  void aFlatSeriesHasNoCycle() {
    double[] values = series(PER_DAY * 2, i -> 42);
    assertThat(DailyCycle.alternateDayCorrelation(times(values.length), values, values.length))
        .isZero();
  }

  private static long[] times(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = T0 + i * FIVE_MIN;
    }
    return t;
  }

  private static double[] series(int n, IntToDoubleFunction f) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = f.applyAsDouble(i);
    }
    return v;
  }
}
