package dev.stormwatch.alert.delivery;

/**
 * What happened to one delivery: its outcome, the last HTTP status (0 when none came back), how
 * many requests were sent and a reason that never contains a secret.
 */
public record DeliveryResult(Outcome outcome, int status, int attempts, String reason) {
  /** How a delivery ended. */
  public enum Outcome {
    /** Accepted by the receiver (2xx). */
    DELIVERED,
    /** Rejected in a way a retry cannot fix (4xx other than 429); the reason says why. */
    PERMANENT_FAILURE,
    /** 429, 5xx or timeouts on every attempt. */
    RETRIES_EXHAUSTED,
    /** Held for a later coalesced message (Slack). */
    QUEUED,
    /** The destination is not configured. */
    DISABLED
  }

  public boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }

  public static DeliveryResult queued(int pending) {
    return new DeliveryResult(Outcome.QUEUED, 0, 0, pending + " alert(s) waiting for the next message slot");
  }

  public static DeliveryResult disabled(String what) {
    return new DeliveryResult(Outcome.DISABLED, 0, 0, what + " is not configured");
  }
}
