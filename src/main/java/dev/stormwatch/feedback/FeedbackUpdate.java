package dev.stormwatch.feedback;

/**
 * An operator verdict resolved to its (provider, service): what the alert operator learns from.
 * Stamped with the feedback's own event time. A Flink POJO.
 */
public class FeedbackUpdate {
  public String provider = "";
  public String service = "";
  public String dedupKey = "";
  /** {@code true_positive} or {@code false_positive}. */
  public String verdict = "";
  public long timeMillis;

  public FeedbackUpdate() {}

  public FeedbackUpdate(String provider, String service, String dedupKey, String verdict, long timeMillis) {
    this.provider = provider;
    this.service = service;
    this.dedupKey = dedupKey;
    this.verdict = verdict;
    this.timeMillis = timeMillis;
  }

  /** The (provider, service) key of the alert operator. */
  public String key() {
    return dev.stormwatch.event.Keys.of(provider, service);
  }

  @Override
  public String toString() {
    return verdict + " on " + provider + "/" + service + " (" + dedupKey + ") at " + timeMillis;
  }
}
