package dev.stormwatch.alert.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stormwatch.event.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Builds PagerDuty Events API v2 bodies: alert events (trigger/resolve, one dedup_key per alert)
 * and change events. Limits from the API: summary at most 1024 characters, dedup_key at most 255,
 * severity one of critical/error/warning/info, custom_details kept under 512 KB.
 */
public final class PagerDutyEvents {
  public static final int MAX_SUMMARY = 1024;
  public static final int MAX_DEDUP_KEY = 255;
  public static final int MAX_DETAILS_BYTES = 500 * 1024;
  public static final int MAX_LOG_LINE = 1000;
  public static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
  public static final String EVENT_CLASS = "anomaly";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PagerDutyEvents() {}

  /** A trigger for a firing alert, a resolve (routing key, action and dedup key only) otherwise. */
  public static ObjectNode alertEvent(AlertEvent a, String routingKey, String linkUrl, String imageUrl) {
    ObjectNode body = JSON.objectNode();
    body.put("routing_key", routingKey);
    boolean firing = AlertEvent.FIRING.equals(a.status());
    body.put("event_action", firing ? "trigger" : "resolve");
    body.put("dedup_key", truncate(a.dedupKey(), MAX_DEDUP_KEY));
    if (!firing) {
      return body;
    }
    body.put("client", "Stormwatch");
    if (linkUrl != null) {
      body.put("client_url", linkUrl);
    }
    ObjectNode payload = body.putObject("payload");
    payload.put("summary", truncate(a.summary().isBlank() ? "Anomaly on " + where(a) : a.summary(), MAX_SUMMARY));
    payload.put("source", where(a) + (a.region() == null || a.region().isEmpty() ? "" : " (" + a.region() + ")"));
    payload.put("severity", SEVERITIES.contains(a.severity()) ? a.severity() : "warning");
    payload.put("timestamp", a.eventTime());
    payload.put("component", a.service());
    payload.put("group", a.provider() + (a.region() == null || a.region().isEmpty() ? "" : "/" + a.region()));
    payload.put("class", EVENT_CLASS);
    payload.set("custom_details", details(a));
    if (linkUrl != null) {
      body.putArray("links").addObject().put("href", linkUrl).put("text", "Stormwatch: " + where(a));
    }
    if (imageUrl != null) {
      body.putArray("images").addObject().put("src", imageUrl).put("alt", "Signals of " + where(a));
    }
    return body;
  }

  /** A change event announcing that the detector's model version changed. */
  public static ObjectNode modelChange(String routingKey, String previousVersion, String newVersion,
      String timestamp, String linkUrl) {
    ObjectNode body = JSON.objectNode();
    body.put("routing_key", routingKey);
    ObjectNode payload = body.putObject("payload");
    payload.put("summary", truncate("Stormwatch detector model changed from " + previousVersion + " to "
        + newVersion, MAX_SUMMARY));
    payload.put("timestamp", timestamp);
    payload.put("source", "stormwatch");
    ObjectNode details = payload.putObject("custom_details");
    details.put("previous_model_version", previousVersion);
    details.put("model_version", newVersion);
    if (linkUrl != null) {
      body.putArray("links").addObject().put("href", linkUrl).put("text", "Stormwatch");
    }
    return body;
  }

  /** posterior, score, model version, contributors and log evidence, trimmed under the size limit. */
  static ObjectNode details(AlertEvent a) {
    ObjectNode d = JSON.objectNode();
    d.put("alert_id", a.alertId());
    d.put("posterior", a.posterior());
    d.put("uncertainty", a.uncertainty());
    d.put("score", a.score());
    d.put("model_version", a.modelVersion());
    d.put("event_time", a.eventTime());
    d.put("emitted_at", a.emittedAt());
    ArrayNode contributors = d.putArray("contributors");
    for (AlertEvent.Contributor c : a.contributors() == null ? List.<AlertEvent.Contributor>of() : a.contributors()) {
      contributors.addObject().put("signal", c.signal()).put("weight", c.weight());
    }
    ArrayNode logs = d.putArray("log_evidence");
    long size = utf8Length(d.toString());
    for (String line : a.logEvidence() == null ? List.<String>of() : a.logEvidence()) {
      String text = truncate(line, MAX_LOG_LINE);
      long lineSize = utf8Length(JSON.textNode(text).toString()) + 1;
      if (size + lineSize > MAX_DETAILS_BYTES) {
        break;
      }
      logs.add(text);
      size += lineSize;
    }
    return d;
  }

  private static long utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  static String where(AlertEvent a) {
    return a.provider() + "/" + a.service();
  }

  static String truncate(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
