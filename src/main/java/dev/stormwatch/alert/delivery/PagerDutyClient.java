package dev.stormwatch.alert.delivery;

import dev.stormwatch.event.AlertEvent;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends alerts to the PagerDuty Events API v2 (202 = accepted): firing alerts as trigger, resolved
 * ones as resolve with the same dedup_key, model-version changes as change events. Each routing key
 * gets a token bucket (default 120 events a minute, bursts of 10); when it is empty the call waits.
 */
public final class PagerDutyClient {
  private final DeliveryConfig config;
  private final JsonPoster poster;
  private final double perMinute;
  private final double burst;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public PagerDutyClient(DeliveryConfig config, JsonPoster poster, double perMinute, double burst) {
    this.config = config;
    this.poster = poster;
    this.perMinute = perMinute;
    this.burst = burst;
  }

  public PagerDutyClient(DeliveryConfig config, JsonPoster poster) {
    this(config, poster, 120, 10);
  }

  /** Triggers or resolves the alert; DISABLED without a routing key. */
  public DeliveryResult send(AlertEvent alert) throws InterruptedException {
    if (!config.pagerDutyEnabled()) {
      return DeliveryResult.disabled("PagerDuty");
    }
    String body = PagerDutyEvents.alertEvent(alert, config.pagerDutyRoutingKey(), config.linkUrl(),
        config.imageUrl()).toString();
    return rateLimited(() -> poster.post(config.pagerDutyEventsUri(), body));
  }

  /** Sends a change event to /v2/change/enqueue saying the model version changed. */
  public DeliveryResult sendModelChange(String previousVersion, String newVersion, Instant at)
      throws InterruptedException {
    if (!config.pagerDutyEnabled()) {
      return DeliveryResult.disabled("PagerDuty");
    }
    String body = PagerDutyEvents.modelChange(config.pagerDutyRoutingKey(), previousVersion, newVersion,
        at.toString(), config.linkUrl()).toString();
    return rateLimited(() -> poster.post(config.pagerDutyChangeUri(), body));
  }

  private DeliveryResult rateLimited(Send send) throws InterruptedException {
    DeliveryTime time = poster.time();
    TokenBucket bucket = buckets.computeIfAbsent(config.pagerDutyRoutingKey(),
        k -> new TokenBucket(burst, perMinute, time.nowMillis()));
    time.sleep(bucket.reserve(time.nowMillis()));
    return send.run();
  }

  @FunctionalInterface
  private interface Send {
    DeliveryResult run() throws InterruptedException;
  }

  @Override
  public String toString() {
    return "PagerDutyClient{" + config + ", " + perMinute + "/min}";
  }
}
