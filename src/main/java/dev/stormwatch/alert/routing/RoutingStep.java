package dev.stormwatch.alert.routing;

import dev.stormwatch.event.AlertEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one routing step decided: the notifications to send now and the counted decisions. */
public final class RoutingStep {
  /** Decisions the router counts (the job's {@code notifications_*} counters). */
  public enum Decision {
    /** A notification that went out in a batch with others. */
    GROUPED,
    /** A trigger or resolve not sent because a silence or maintenance window covered it. */
    SILENCED,
    /** A trigger or resolve not sent because the provider-wide alert explains it. */
    INHIBITED,
    /** A re-notification of a still-firing alert. */
    REPEATED,
    /** A trigger/resolve pair dropped because it resolved while its trigger was still held. */
    CANCELLED
  }

  private final List<AlertEvent> notifications = new ArrayList<>();
  private final Map<Decision, Long> counts = new EnumMap<>(Decision.class);

  void send(AlertEvent a) {
    notifications.add(a);
  }

  void count(Decision d, long n) {
    counts.merge(d, n, Long::sum);
  }

  /** The notifications to send, in order. */
  public List<AlertEvent> notifications() {
    return notifications;
  }

  public long count(Decision d) {
    return counts.getOrDefault(d, 0L);
  }
}
