package dev.stormwatch.detect;

/**
 * Whether a series repeats a daily cycle, told without labels from a stretch of its history: the
 * hour-of-day means (UTC, as {@link SeasonalStats} buckets them) of the even days and of the odd
 * days, counted from the first value, are correlated over the hours both halves have seen. A cycle
 * that repeats gives a correlation near 1; noise, drift or a one-off day give one near 0 or below.
 */
public final class DailyCycle {
  /** Hours of the day both halves must have seen before the correlation means anything. */
  public static final int MIN_SHARED_HOURS = 12;

  private static final long DAY = 86_400_000L;

  private DailyCycle() {}

  /**
   * The correlation of the even days' and the odd days' hour-of-day means over the first {@code n}
   * values (non-finite values skipped).
   *
   * @return the Pearson correlation in [-1, 1], 0 when either side is flat, or NaN when fewer
   *     than {@link #MIN_SHARED_HOURS} hours are seen on both even and odd days (under two days)
   */
  public static double alternateDayCorrelation(long[] times, double[] values, int n) {
    if (n < 1) {
      return Double.NaN;
    }
    double[][] sum = new double[2][24];
    int[][] count = new int[2][24];
    long firstDay = Math.floorDiv(times[0], DAY);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) {
        continue;
      }
      int half = (int) Math.floorMod(Math.floorDiv(times[i], DAY) - firstDay, 2L);
      int hour = SeasonalStats.hourOf(times[i]);
      sum[half][hour] += values[i];
      count[half][hour]++;
    }
    double[] even = new double[24];
    double[] odd = new double[24];
    int shared = 0;
    for (int h = 0; h < 24; h++) {
      if (count[0][h] > 0 && count[1][h] > 0) {
        even[shared] = sum[0][h] / count[0][h];
        odd[shared] = sum[1][h] / count[1][h];
        shared++;
      }
    }
    return shared < MIN_SHARED_HOURS ? Double.NaN : correlation(even, odd, shared);
  }

  private static double correlation(double[] a, double[] b, int n) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i] / n;
      mb += b[i] / n;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0.0;
  }
}
