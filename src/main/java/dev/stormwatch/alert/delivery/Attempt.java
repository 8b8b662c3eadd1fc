package dev.stormwatch.alert.delivery;

/**
 * The outcome of one HTTP attempt: accepted (2xx), refused for good (4xx other than 429) or worth
 * retrying (429, 5xx, timeout, I/O error) no sooner than {@code retryAfterMillis} (-1: none given).
 * The reason never holds a secret.
 */
public record Attempt(Kind kind, int status, String reason, long retryAfterMillis) {
  /** How an attempt ended. */
  public enum Kind { ACCEPTED, REFUSED, RETRY }

  public boolean accepted() {
    return kind == Kind.ACCEPTED;
  }
}
