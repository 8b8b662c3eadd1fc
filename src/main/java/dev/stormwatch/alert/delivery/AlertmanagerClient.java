package dev.stormwatch.alert.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stormwatch.event.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * Posts alerts to Alertmanager's {@code /api/v2/alerts} (a JSON array). Labels identify the alert
 * (alertname, provider, service, region, severity); a firing alert gets endsAt = startsAt +
 * {@code firingTtl} so Alertmanager keeps it until Stormwatch resolves it, a resolved one endsAt =
 * now.
 */
public final class AlertmanagerClient {
  public static final String ALERT_NAME = "StormwatchAnomaly";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final DeliveryConfig config;
  private final JsonPoster poster;
  private final Duration firingTtl;

  public AlertmanagerClient(DeliveryConfig config, JsonPoster poster, Duration firingTtl) {
    this.config = config;
    this.poster = poster;
    this.firingTtl = firingTtl;
  }

  public AlertmanagerClient(DeliveryConfig config, JsonPoster poster) {
    this(config, poster, Duration.ofHours(24));
  }

  public DeliveryResult send(AlertEvent alert) throws InterruptedException {
    if (!config.alertmanagerEnabled()) {
      return DeliveryResult.disabled("Alertmanager");
    }
    return poster.post(config.alertmanagerAlertsUri(), body(alert).toString());
  }

  /** The request body: an array with one alert. */
  public ArrayNode body(AlertEvent a) {
    return body(a, null);
  }

  /**
   * The body of a (re-)send by a client that refreshes firing alerts: a firing alert is valid
   * until {@code validFor} after now (or after its start, if that is later), so Alertmanager
   * resolves it by itself should the refreshes stop.
   */
  public ArrayNode refreshBody(AlertEvent a, Duration validFor) {
    return body(a, validFor);
  }

  private ArrayNode body(AlertEvent a, Duration validFor) {
    ArrayNode alerts = JSON.arrayNode();
    ObjectNode alert = alerts.addObject();
    ObjectNode labels = alert.putObject("labels");
    labels.put("alertname", ALERT_NAME);
    labels.put("provider", a.provider());
    labels.put("service", a.service());
    if (a.region() != null && !a.region().isEmpty()) {
      labels.put("region", a.region());
    }
    labels.put("severity", a.severity());
    ObjectNode annotations = alert.putObject("annotations");
    annotations.put("summary", a.summary());
    StringJoiner contributors = new StringJoiner(", ");
    if (a.contributors() != null) {
      a.contributors().forEach(c -> contributors.add(c.signal() + "=" + c.weight()));
    }
    annotations.put("contributors", contributors.toString());
    annotations.put("posterior", Double.toString(a.posterior()));
    annotations.put("uncertainty", Double.toString(a.uncertainty()));
    annotations.put("score", Double.toString(a.score()));
    annotations.put("model_version", a.modelVersion());
    annotations.put("dedup_key", a.dedupKey());
    Instant startsAt = Instant.parse(a.eventTime());
    Instant now = Instant.ofEpochMilli(poster.time().nowMillis());
    boolean resolved = AlertEvent.RESOLVED.equals(a.status());
    if (resolved && startsAt.isAfter(now)) {
      startsAt = now;
    }
    alert.put("startsAt", startsAt.toString());
    Instant endsAt = resolved ? now
        : validFor == null ? startsAt.plus(firingTtl)
        : (startsAt.isAfter(now) ? startsAt : now).plus(validFor);
    alert.put("endsAt", endsAt.toString());
    if (config.linkUrl() != null) {
      alert.put("generatorURL", config.linkUrl());
    }
    return alerts;
  }
}
