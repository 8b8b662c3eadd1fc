package dev.stormwatch.alert.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stormwatch.event.AlertEvent;

/**
 * One pending notification for one endpoint: an alert (trigger/resolve, Slack message, Alertmanager
 * post), an Alertmanager refresh of a firing alert, or a PagerDuty change event for a new model
 * version. Holds no secret: request bodies are built when it is sent.
 */
public record Notification(
    @JsonProperty("endpoint") String endpoint,
    @JsonProperty("type") String type,
    @JsonProperty("alert") AlertEvent alert,
    @JsonProperty("previous_model_version") String previousModelVersion,
    @JsonProperty("enqueued_at") long enqueuedAt) {

  public static final String ALERT = "alert";
  public static final String REFRESH = "refresh";
  public static final String CHANGE = "change";

  static final ObjectMapper MAPPER = new ObjectMapper();

  static Notification alert(String endpoint, AlertEvent a, long now) {
    return new Notification(endpoint, ALERT, a, null, now);
  }

  public String dedupKey() {
    return alert == null ? "" : alert.dedupKey();
  }

  /** What it announces, for messages: "firing", "resolved", "refresh" or "model change". */
  public String what() {
    return CHANGE.equals(type) ? "model change" : REFRESH.equals(type) ? "refresh" : alert.status();
  }

  /** One line of JSON, as kept in the operator's state. */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render notification", e);
    }
  }

  public static Notification fromJson(String json) {
    try {
      return MAPPER.readValue(json, Notification.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable notification in state", e);
    }
  }

  /** The dead-letter excerpt: the alert as JSON, or the versions of a change event. */
  public String raw() {
    try {
      if (CHANGE.equals(type)) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("previous_model_version", previousModelVersion);
        n.put("model_version", alert.modelVersion());
        n.put("event_time", alert.eventTime());
        return n.toString();
      }
      return MAPPER.writeValueAsString(alert);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render notification", e);
    }
  }
}
