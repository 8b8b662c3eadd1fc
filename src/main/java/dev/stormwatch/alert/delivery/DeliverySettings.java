package dev.stormwatch.alert.delivery;

import java.io.Serializable;
import java.time.Duration;

/**
 * Tunables of the delivery operator ({@code delivery.*} in the job configuration): queue bound and
 * age limit, request timeout, backoff, rate limits, Alertmanager re-send interval and how long a
 * bounded run waits at the end of its input for the queues to drain.
 */
public final class DeliverySettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Notifications kept per endpoint; past it the oldest becomes a {@code delivery_overflow} dead letter. */
  public int maxPending = 10_000;
  /** A notification undelivered for this long becomes a {@code delivery_expired} dead letter. */
  public Duration maxAge = Duration.ofHours(1);
  /** Firing alerts are re-sent to Alertmanager this often (its clients must refresh them). */
  public Duration alertmanagerResend = Duration.ofMinutes(1);
  /** Timeout of one HTTP request (connect and response). */
  public Duration requestTimeout = Duration.ofSeconds(5);
  /** First backoff after a retryable failure; doubles per failure up to {@link #maxBackoff}. */
  public Duration baseBackoff = Duration.ofMillis(500);
  public Duration maxBackoff = Duration.ofSeconds(30);
  /** PagerDuty events a minute per routing key, and the burst allowed. */
  public double pagerDutyPerMinute = 120;
  public double pagerDutyBurst = 10;
  /** Least time between two Slack messages on one webhook (Slack allows about one a second). */
  public Duration slackInterval = Duration.ofSeconds(1);
  /** At the end of a bounded input, wait at most this long for pending notifications. */
  public Duration drainTimeout = Duration.ofSeconds(60);
  /** How often the operator polls completions and starts sends while work is pending. */
  public Duration tick = Duration.ofMillis(100);

  /** The backoff policy (attempts are unbounded here: {@link #maxAge} ends the retries). */
  public RetryPolicy retryPolicy() {
    return new RetryPolicy(Integer.MAX_VALUE, baseBackoff.toMillis(), maxBackoff.toMillis());
  }

  /** Throws IllegalArgumentException naming the first invalid setting. */
  public DeliverySettings validate() {
    require(maxPending >= 1, "delivery.max-pending must be >= 1");
    require(maxAge.toMillis() > 0 && alertmanagerResend.toMillis() > 0 && requestTimeout.toMillis() > 0,
        "delivery.max-age, alertmanager-resend and request-timeout must be positive");
    require(!baseBackoff.isNegative() && maxBackoff.compareTo(baseBackoff) >= 0,
        "delivery.max-backoff must be >= delivery.base-backoff >= 0");
    require(pagerDutyPerMinute > 0 && pagerDutyBurst >= 1, "delivery.pagerduty-per-minute > 0, burst >= 1");
    require(!slackInterval.isNegative() && !drainTimeout.isNegative() && tick.toMillis() > 0,
        "delivery.slack-interval, drain-timeout >= 0 and tick > 0");
    return this;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("invalid configuration: " + message);
    }
  }
}
