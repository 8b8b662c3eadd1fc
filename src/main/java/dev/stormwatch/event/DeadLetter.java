package dev.stormwatch.event;

/**
 * A record the job could not use, with why: written to the dead-letter output, never dropped.
 *
 * @param reason a stable machine-readable reason code (see {@link Reasons})
 * @param detail a human-readable explanation
 * @param raw up to 1 KiB of the raw record
 * @param origin where it came from (file path or Kafka topic), empty when unknown
 * @param observedAt wall-clock epoch milliseconds when it was rejected
 */
public record DeadLetter(String reason, String detail, String raw, String origin, long observedAt) {

  /** Longest raw excerpt kept, in characters. */
  public static final int MAX_RAW = 1024;

  /** Reason codes; part of the dead-letter contract. */
  public static final class Reasons {
    public static final String INVALID_JSON = "invalid_json";
    public static final String NOT_AN_OBJECT = "not_an_object";
    public static final String MISSING_FIELD = "missing_field";
    public static final String INVALID_FIELD = "invalid_field";
    public static final String INVALID_TIME = "invalid_time";
    public static final String INVALID_METRIC = "invalid_metric";
    public static final String UNKNOWN_KIND = "unknown_kind";
    public static final String TOO_LARGE = "too_large";
    public static final String LATE = "late";
    /** A record stamped further ahead of the clock than {@code window.max-future}. */
    public static final String FUTURE_TIME = "future_time";
    /** Metrics of a record beyond the distinct names one key keeps per window step. */
    public static final String OVER_LIMIT = "over_limit";
    /** An alert notification an endpoint refused for good or that exhausted its retries. */
    public static final String DELIVERY_FAILED = "delivery_failed";
    /** A pending notification pushed out of a full delivery queue ({@code delivery.max-pending}). */
    public static final String DELIVERY_OVERFLOW = "delivery_overflow";
    /** A notification still undelivered after {@code delivery.max-age} of retries. */
    public static final String DELIVERY_EXPIRED = "delivery_expired";
    /** Operator feedback whose verdict is neither true_positive nor false_positive. */
    public static final String UNKNOWN_VERDICT = "unknown_verdict";
    /** Operator feedback naming a dedup key no scored window of the job produced in time. */
    public static final String UNKNOWN_DEDUP_KEY = "unknown_dedup_key";

    private Reasons() {}
  }

  /** A dead letter with the raw text cut to {@link #MAX_RAW} characters. */
  public static DeadLetter of(String reason, String detail, String raw, String origin) {
    String cut = raw == null ? "" : raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
    return new DeadLetter(reason, detail, cut, origin == null ? "" : origin, System.currentTimeMillis());
  }
}
