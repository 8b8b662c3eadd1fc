package dev.stormwatch.eval.nab;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A NAB detector's scores kept only where they set a new high: the detector {@code NAME+peaks}. A
 * row keeps its score when it exceeds every score of the previous {@code horizon} of event time,
 * and scores 0 otherwise. This is the NAB counterpart of the job paging once per episode: a lasting
 * anomaly that keeps scoring high is reported at its first, highest rows, not at every row after
 * (which NAB counts as false positives once the label window has passed).
 */
public final class PeakScorer implements StreamingScorer {
  /** The suffix that wraps a registered detector's name. */
  public static final String SUFFIX = "+peaks";
  /** How far back a new high is compared: one day, fixed before NAB was scored. */
  public static final Duration DEFAULT_HORIZON = Duration.ofHours(24);

  private final StreamingScorer inner;
  private final long horizonMillis;
  /** The previous horizon's rows that may still be its maximum: times rising, scores falling. */
  private final ArrayDeque<Seen> candidates = new ArrayDeque<>();

  public PeakScorer(StreamingScorer inner, Duration horizon) {
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("the peak horizon must be positive, got " + horizon);
    }
    this.inner = inner;
    this.horizonMillis = horizon.toMillis();
  }

  @Override
  public double next(long timeMillis, double value) {
    double score = inner.next(timeMillis, value);
    while (!candidates.isEmpty() && candidates.peekFirst().timeMillis() < timeMillis - horizonMillis) {
      candidates.pollFirst();
    }
    double recentMax = candidates.isEmpty() ? 0.0 : candidates.peekFirst().score();
    while (!candidates.isEmpty() && candidates.peekLast().score() <= score) {
      candidates.pollLast();
    }
    candidates.addLast(new Seen(timeMillis, score));
    return score > recentMax ? score : 0.0;
  }

  private record Seen(long timeMillis, double score) {}
}
