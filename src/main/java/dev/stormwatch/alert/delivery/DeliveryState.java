package dev.stormwatch.alert.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stormwatch.event.AlertEvent;
import java.util.List;

/**
 * The delivery operator's checkpointed state (no secrets: bodies are built when sent): pending
 * notifications in queue order, alerts firing at Alertmanager, and the model versions seen so far.
 * The operator keeps each pending notification as its own list-state entry and the rest as one
 * JSON document ({@link #withoutPending}).
 */
public record DeliveryState(
    @JsonProperty("pending") List<Notification> pending,
    @JsonProperty("firing") List<AlertEvent> firing,
    @JsonProperty("versions") List<String> versions,
    @JsonProperty("latest_version") String latestVersion) {

  public DeliveryState {
    pending = pending == null ? List.of() : pending;
    firing = firing == null ? List.of() : firing;
    versions = versions == null ? List.of() : versions;
  }

  /** The same state without its pending notifications (stored separately, one entry each). */
  public DeliveryState withoutPending() {
    return new DeliveryState(List.of(), firing, versions, latestVersion);
  }

  /** This state with the given pending notifications. */
  public DeliveryState withPending(List<Notification> notifications) {
    return new DeliveryState(notifications, firing, versions, latestVersion);
  }

  public String toJson() {
    try {
      return Notification.MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render delivery state", e);
    }
  }

  public static DeliveryState fromJson(String json) {
    try {
      return Notification.MAPPER.readValue(json, DeliveryState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable delivery state", e);
    }
  }

  /** Several states (from a rescaled restore) as one, in the given order. */
  public static DeliveryState merge(List<DeliveryState> states) {
    if (states.size() == 1) {
      return states.get(0);
    }
    List<Notification> pending = states.stream().flatMap(s -> s.pending().stream()).toList();
    List<AlertEvent> firing = states.stream().flatMap(s -> s.firing().stream()).toList();
    List<String> versions = states.stream().flatMap(s -> s.versions().stream()).distinct().toList();
    String latest = states.stream().map(DeliveryState::latestVersion).filter(v -> v != null)
        .reduce((a, b) -> b).orElse(null);
    return new DeliveryState(pending, firing, versions, latest);
  }
}
