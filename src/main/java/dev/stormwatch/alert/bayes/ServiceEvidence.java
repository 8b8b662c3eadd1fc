package dev.stormwatch.alert.bayes;

import java.util.Arrays;

/**
 * One service's operator feedback, as pooled into its provider's prior: the most recent entries
 * (time, incident weight, quiet weight) kept exactly, older ones folded into one discounted sum,
 * so that the evidence as of any event time can be read back and the order in which updates
 * arrive does not change the result. A Flink POJO (primitive arrays) for broadcast state.
 */
public class ServiceEvidence {
  /** Entries kept exactly; beyond this the oldest is folded. */
  public static final int MAX_ENTRIES = 32;

  public long[] times = new long[0];
  public double[] incidentWeights = new double[0];
  public double[] quietWeights = new double[0];
  /** Discounted sums of the folded entries, as of {@link #foldedAt}. */
  public double foldedIncident;
  public double foldedQuiet;
  public long foldedAt = Long.MIN_VALUE;

  public ServiceEvidence() {}

  /** Adds one verdict ({@link BetaPrior#TRUE_POSITIVE} counts as incident) of {@code weight} windows. */
  public void add(long timeMillis, String verdict, double weight, long halfLifeMillis) {
    boolean incident = BetaPrior.TRUE_POSITIVE.equals(verdict);
    if (!incident && !BetaPrior.FALSE_POSITIVE.equals(verdict)) {
      throw new IllegalArgumentException("unknown feedback verdict: " + verdict);
    }
    int n = times.length;
    int at = 0;
    while (at < n && times[at] <= timeMillis) {
      at++;
    }
    times = insert(times, at, timeMillis);
    incidentWeights = insert(incidentWeights, at, incident ? weight : 0);
    quietWeights = insert(quietWeights, at, incident ? 0 : weight);
    if (times.length > MAX_ENTRIES) {
      foldOldest(halfLifeMillis);
    }
  }

  /** The verdict of the {@code i}-th kept entry. */
  public String verdictAt(int i) {
    return incidentWeights[i] > 0 ? BetaPrior.TRUE_POSITIVE : BetaPrior.FALSE_POSITIVE;
  }

  /** {incident, quiet} pseudo-windows as of {@code whenMillis}: entries not after it, discounted. */
  public double[] asOf(long whenMillis, long halfLifeMillis) {
    double incident = 0;
    double quiet = 0;
    if (foldedAt != Long.MIN_VALUE) {
      double d = discount(whenMillis - foldedAt, halfLifeMillis);
      incident += foldedIncident * d;
      quiet += foldedQuiet * d;
    }
    for (int i = 0; i < times.length && times[i] <= whenMillis; i++) {
      double d = discount(whenMillis - times[i], halfLifeMillis);
      incident += incidentWeights[i] * d;
      quiet += quietWeights[i] * d;
    }
    return new double[] {incident, quiet};
  }

  /** 0.5^(elapsed / halfLife); 1 for no elapsed time or no half-life. */
  static double discount(long elapsedMillis, long halfLifeMillis) {
    if (elapsedMillis <= 0 || halfLifeMillis <= 0) {
      return 1;
    }
    return Math.pow(0.5, (double) elapsedMillis / halfLifeMillis);
  }

  private void foldOldest(long halfLifeMillis) {
    long t = times[0];
    double keep = 1;
    if (foldedAt == Long.MIN_VALUE || t >= foldedAt) {
      double d = foldedAt == Long.MIN_VALUE ? 0 : discount(t - foldedAt, halfLifeMillis);
      foldedIncident *= d;
      foldedQuiet *= d;
      foldedAt = t;
    } else {
      keep = discount(foldedAt - t, halfLifeMillis);
    }
    foldedIncident += incidentWeights[0] * keep;
    foldedQuiet += quietWeights[0] * keep;
    times = Arrays.copyOfRange(times, 1, times.length);
    incidentWeights = Arrays.copyOfRange(incidentWeights, 1, incidentWeights.length);
    quietWeights = Arrays.copyOfRange(quietWeights, 1, quietWeights.length);
  }

  private static long[] insert(long[] a, int at, long v) {
    long[] out = new long[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = v;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }

  private static double[] insert(double[] a, int at, double v) {
    double[] out = new double[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = v;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }
}
