package dev.stormwatch.alert.delivery;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code perMinute} tokens a minute. {@link
 * #reserve} takes a token now or reserves a future one and says how long to wait for it; {@link
 * #tryTake} takes one only if it is there.
 */
public final class TokenBucket {
  private final double capacity;
  private final double tokensPerMilli;
  private double tokens;
  private long refilledAt;

  public TokenBucket(double capacity, double perMinute, long nowMillis) {
    if (capacity < 1 || perMinute <= 0) {
      throw new IllegalArgumentException("need capacity >= 1 and a positive rate");
    }
    this.capacity = capacity;
    this.tokensPerMilli = perMinute / 60_000.0;
    this.tokens = capacity;
    this.refilledAt = nowMillis;
  }

  /** Takes one token; returns 0 if one was there, else the millis until the reserved one is. */
  public synchronized long reserve(long nowMillis) {
    refill(nowMillis);
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerMilli);
  }

  /** Takes a token and returns 0 if one is there now; else takes nothing and returns the wait. */
  public synchronized long tryTake(long nowMillis) {
    refill(nowMillis);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerMilli));
  }

  private void refill(long nowMillis) {
    if (nowMillis > refilledAt) {
      tokens = Math.min(capacity, tokens + (nowMillis - refilledAt) * tokensPerMilli);
      refilledAt = nowMillis;
    }
  }
}
