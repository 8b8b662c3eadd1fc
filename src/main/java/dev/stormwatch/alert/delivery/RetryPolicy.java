package dev.stormwatch.alert.delivery;

import java.io.Serializable;
import java.util.function.DoubleSupplier;

/**
 * Bounded retries with exponential backoff and "equal jitter": the n-th wait is uniform in [c/2,
 * c] with c = min(maxDelay, baseDelay * 2^(n-1)), and never shorter than a server's Retry-After.
 */
public final class RetryPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int maxAttempts;
  private final long baseDelayMillis;
  private final long maxDelayMillis;

  public RetryPolicy(int maxAttempts, long baseDelayMillis, long maxDelayMillis) {
    if (maxAttempts < 1 || baseDelayMillis < 0 || maxDelayMillis < baseDelayMillis) {
      throw new IllegalArgumentException("need maxAttempts >= 1 and 0 <= baseDelay <= maxDelay");
    }
    this.maxAttempts = maxAttempts;
    this.baseDelayMillis = baseDelayMillis;
    this.maxDelayMillis = maxDelayMillis;
  }

  /** 5 attempts, 500 ms doubling up to 30 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, 500, 30_000);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The wait before attempt {@code failedAttempts + 1}.
   *
   * @param retryAfterMillis the server's Retry-After, or a negative number if none
   * @param jitter a uniform random number in [0, 1)
   */
  public long backoffMillis(int failedAttempts, long retryAfterMillis, DoubleSupplier jitter) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
    long ceiling = Math.min(maxDelayMillis, baseDelayMillis << doublings);
    long wait = ceiling / 2 + (long) (jitter.getAsDouble() * (ceiling - ceiling / 2));
    return Math.max(wait, retryAfterMillis);
  }
}
