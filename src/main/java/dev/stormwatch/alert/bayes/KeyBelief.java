package dev.stormwatch.alert.bayes;

import java.util.Arrays;

/**
 * Everything the decision layer keeps per (provider, service): the incident-rate prior, the score
 * likelihood and the last posterior (for the "rising" test). A Flink POJO for one ValueState.
 */
public class KeyBelief {
  public BetaPrior prior = new BetaPrior();
  public ScoreLikelihood likelihood = new ScoreLikelihood();
  /** Posterior of the last evaluated window; NaN before the first. */
  public double lastPosterior = Double.NaN;
  /** End of the last evaluated window (epoch millis). */
  public long lastWindowEnd = Long.MIN_VALUE;
  /** End of the first window (warm-up or live) the key was seen with; MIN_VALUE before it. */
  public long firstWindowEnd = Long.MIN_VALUE;
  /** Peak score of the key's latest alert; what operator feedback on it refers to. */
  public double lastAlertPeak;
  /** Anomalous windows of the key's latest alert (0: no alert yet); the weight of feedback on it. */
  public int lastAlertWindows;
  /** Those windows' scores, counted per {@link ScoreLikelihood} bin (empty before the first alert). */
  public double[] lastAlertScoreBins = new double[0];
  /** Feedback received but not yet applied (it applies from its own event time on), time-ordered. */
  public long[] pendingFeedbackTimes = new long[0];
  public String[] pendingFeedbackVerdicts = new String[0];

  /** Most feedback entries held per key; beyond it the oldest is applied at once. */
  public static final int MAX_PENDING_FEEDBACK = 64;
  /** Scores below this are already taught as normal by calm windows; false-alarm echoes start here. */
  public static final double ECHO_FLOOR = 0.5;

  public KeyBelief() {}

  /** A new key: its provider's prior shrunk to {@code effectiveSampleSize}, default likelihood. */
  public static KeyBelief forNewKey(BetaPrior providerPrior, double effectiveSampleSize) {
    KeyBelief b = new KeyBelief();
    b.prior = BetaPrior.shrunkFrom(providerPrior, effectiveSampleSize);
    return b;
  }

  /** Records that the key has a window ending at {@code windowEnd} (its age counts from the first). */
  public void seen(long windowEnd) {
    if (firstWindowEnd == Long.MIN_VALUE || windowEnd < firstWindowEnd) {
      firstWindowEnd = windowEnd;
    }
  }

  /** Event time from the key's first window to {@code windowEnd}; 0 before any. */
  public long ageMillis(long windowEnd) {
    return firstWindowEnd == Long.MIN_VALUE ? 0 : Math.max(0, windowEnd - firstWindowEnd);
  }

  /** A warm-up window's score: learned as normal. */
  public void observeWarmup(double score) {
    likelihood.addNormal(score, 1);
  }

  /** Scores one live window and remembers its posterior; older or repeated windows are not rescored. */
  public PosteriorResult evaluate(PosteriorCalculator calculator, double score, double modelSpread,
      long windowEnd) {
    PosteriorResult r = calculator.evaluate(score, likelihood, prior, modelSpread, lastPosterior);
    if (windowEnd > lastWindowEnd) {
      lastPosterior = r.posterior();
      lastWindowEnd = windowEnd;
    }
    return r;
  }

  /**
   * Operator feedback on an alert whose windows scored {@code score} (e.g. its peak) over {@code
   * windows} windows: {@code false_positive} teaches the prior those windows were quiet and the
   * likelihood that such a score is normal here; {@code true_positive} the opposite.
   */
  public void feedback(String verdict, double score, int windows, long nowMillis, long halfLifeMillis) {
    prior.recordFeedback(verdict, windows, nowMillis, halfLifeMillis);
    if (BetaPrior.FALSE_POSITIVE.equals(verdict)) {
      likelihood.addNormal(score, windows);
    } else {
      likelihood.addIncident(score, windows);
    }
  }

  /** A confirmed incident (from the incident tracker) covering {@code windows} windows. */
  public void confirmIncident(double score, int windows, long nowMillis, long halfLifeMillis) {
    prior.recordIncident(windows, nowMillis, halfLifeMillis);
    likelihood.addIncident(score, windows);
  }

  /** An alert fired on a window scoring {@code score} after {@code windows} anomalous windows. */
  public void alertFired(double score, int windows) {
    lastAlertPeak = score;
    lastAlertWindows = windows;
    lastAlertScoreBins = new double[ScoreLikelihood.BINS];
    lastAlertScoreBins[ScoreLikelihood.bin(score)] = windows;
  }

  /** One more anomalous window of the firing alert. */
  public void alertContinued(double score) {
    if (lastAlertWindows <= 0) {
      alertFired(score, 1);
      return;
    }
    lastAlertPeak = Math.max(lastAlertPeak, score);
    lastAlertWindows++;
    lastAlertScoreBins[ScoreLikelihood.bin(score)]++;
  }

  /**
   * Holds a verdict on the key's latest alert until the first window ending at or after {@code
   * timeMillis} (see {@link #applyFeedbackUpTo}), so a replay applies it at the same point.
   */
  public void queueFeedback(String verdict, long timeMillis, long halfLifeMillis) {
    if (!BetaPrior.TRUE_POSITIVE.equals(verdict) && !BetaPrior.FALSE_POSITIVE.equals(verdict)) {
      throw new IllegalArgumentException("unknown feedback verdict: " + verdict);
    }
    if (pendingFeedbackTimes.length >= MAX_PENDING_FEEDBACK) {
      applyFeedback(pendingFeedbackVerdicts[0], pendingFeedbackTimes[0], halfLifeMillis);
      dropPending(1);
    }
    int n = pendingFeedbackTimes.length;
    int at = 0;
    while (at < n && pendingFeedbackTimes[at] <= timeMillis) {
      at++;
    }
    long[] times = new long[n + 1];
    String[] verdicts = new String[n + 1];
    System.arraycopy(pendingFeedbackTimes, 0, times, 0, at);
    System.arraycopy(pendingFeedbackVerdicts, 0, verdicts, 0, at);
    times[at] = timeMillis;
    verdicts[at] = verdict;
    System.arraycopy(pendingFeedbackTimes, at, times, at + 1, n - at);
    System.arraycopy(pendingFeedbackVerdicts, at, verdicts, at + 1, n - at);
    pendingFeedbackTimes = times;
    pendingFeedbackVerdicts = verdicts;
  }

  /** Applies the held feedback with a time at or before {@code windowEnd}; returns how many. */
  public int applyFeedbackUpTo(long windowEnd, long halfLifeMillis) {
    int n = 0;
    while (n < pendingFeedbackTimes.length && pendingFeedbackTimes[n] <= windowEnd) {
      applyFeedback(pendingFeedbackVerdicts[n], pendingFeedbackTimes[n], halfLifeMillis);
      n++;
    }
    dropPending(n);
    return n;
  }

  /**
   * Applies one verdict on the latest alert now, weighted by its windows: {@code true_positive} is
   * a confirmed incident (alpha, and each window's score as an incident score); {@code
   * false_positive} marks those windows quiet (beta) and teaches that this key's alert-level scores
   * up to each window's own were benign: each window adds one normal count, spread evenly over the
   * score bins from {@link #ECHO_FLOOR} up to its own, so a weaker repeat of the same known false
   * alarm (the detector partly adapts to a recurring pattern) is recognised too. Without an alert
   * on record only the prior moves, by one window.
   */
  public void applyFeedback(String verdict, long timeMillis, long halfLifeMillis) {
    if (lastAlertWindows <= 0) {
      prior.recordFeedback(verdict, 1, timeMillis, halfLifeMillis);
      return;
    }
    prior.recordFeedback(verdict, lastAlertWindows, timeMillis, halfLifeMillis);
    boolean incident = BetaPrior.TRUE_POSITIVE.equals(verdict);
    int floor = ScoreLikelihood.bin(ECHO_FLOOR);
    for (int b = 0; b < lastAlertScoreBins.length; b++) {
      double count = lastAlertScoreBins[b];
      if (count <= 0) {
        continue;
      }
      if (incident) {
        likelihood.addIncident(binCentre(b), count);
        continue;
      }
      int from = Math.min(floor, b);
      for (int lower = from; lower <= b; lower++) {
        likelihood.addNormal(binCentre(lower), count / (b - from + 1));
      }
    }
  }

  private static double binCentre(int bin) {
    return (bin + 0.5) / ScoreLikelihood.BINS;
  }

  private void dropPending(int n) {
    pendingFeedbackTimes = Arrays.copyOfRange(pendingFeedbackTimes, n, pendingFeedbackTimes.length);
    pendingFeedbackVerdicts = Arrays.copyOfRange(pendingFeedbackVerdicts, n, pendingFeedbackVerdicts.length);
  }
}
