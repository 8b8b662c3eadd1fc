package dev.stormwatch.alert.delivery;

import dev.stormwatch.event.AlertEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts alerts to a Slack incoming webhook at most once per {@code minIntervalMillis} (Slack allows
 * about one message a second per webhook). Alerts arriving faster are held and coalesced: the next
 * free slot sends them as one digest. A 429's Retry-After is honoured by the poster and also pushes
 * the next slot back. Not thread-safe: one instance per sink subtask.
 */
public final class SlackClient {
  private final DeliveryConfig config;
  private final JsonPoster poster;
  private final long minIntervalMillis;
  private final List<AlertEvent> pending = new ArrayList<>();
  private long nextSlotAt = Long.MIN_VALUE;

  public SlackClient(DeliveryConfig config, JsonPoster poster, long minIntervalMillis) {
    this.config = config;
    this.poster = poster;
    this.minIntervalMillis = minIntervalMillis;
  }

  public SlackClient(DeliveryConfig config, JsonPoster poster) {
    this(config, poster, 1000);
  }

  /** Queues the alert and sends what is queued if a slot is free (else QUEUED). */
  public DeliveryResult submit(AlertEvent alert) throws InterruptedException {
    if (!config.slackEnabled()) {
      return DeliveryResult.disabled("Slack");
    }
    pending.add(alert);
    return flushDue();
  }

  /** Sends the queued alerts if a slot is free now; call it from a timer. */
  public DeliveryResult flushDue() throws InterruptedException {
    if (pending.isEmpty()) {
      return DeliveryResult.queued(0);
    }
    if (poster.time().nowMillis() < nextSlotAt) {
      return DeliveryResult.queued(pending.size());
    }
    return sendPending();
  }

  /** Waits for the next slot and sends everything queued (on close or checkpoint). */
  public DeliveryResult flush() throws InterruptedException {
    if (pending.isEmpty()) {
      return DeliveryResult.queued(0);
    }
    poster.time().sleep(nextSlotAt - poster.time().nowMillis());
    return sendPending();
  }

  public int pendingCount() {
    return pending.size();
  }

  private DeliveryResult sendPending() throws InterruptedException {
    List<AlertEvent> batch = new ArrayList<>(pending);
    pending.clear();
    String body = (batch.size() == 1 ? SlackMessages.single(batch.get(0)) : SlackMessages.digest(batch)).toString();
    long started = poster.time().nowMillis();
    DeliveryResult r = poster.post(config.slackWebhookUri(), body);
    nextSlotAt = Math.max(started, poster.time().nowMillis()) + minIntervalMillis;
    return r;
  }

  @Override
  public String toString() {
    return "SlackClient{" + config + ", pending=" + pending.size() + "}";
  }
}
