package dev.stormwatch.alert.routing;

import dev.stormwatch.event.AlertEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The router's state of one provider group (a Flink POJO in keyed state): the alerts firing now,
 * what became of each one's trigger, the held notifications and the group's timers.
 */
public class RoutingGroup {
  /** Trigger queued, not yet sent. */
  public static final String PENDING = "pending";
  /** Trigger sent to the notification sinks. */
  public static final String SENT = "sent";
  public static final String SILENCED = "silenced";
  public static final String INHIBITED = "inhibited";

  /** Lifecycle events received but not yet routed: they wait for the watermark to pass them. */
  public List<AlertEvent> inbox = new ArrayList<>();
  /** Per-service alerts firing now, by dedup key: their latest firing event. */
  public Map<String, AlertEvent> active = new HashMap<>();
  /** What became of each active alert's trigger (incl. the provider alert), by dedup key. */
  public Map<String, String> disposition = new HashMap<>();
  /** Event time at which each active alert is next considered for re-notification. */
  public Map<String, Long> repeatDue = new HashMap<>();
  /** Notifications held for the next flush, in arrival order. */
  public List<AlertEvent> queue = new ArrayList<>();
  /** The provider-wide alert while it fires, else null. */
  public AlertEvent providerAlert;
  /** Services the provider-wide alert has covered so far, in the order they joined. */
  public List<String> providerServices = new ArrayList<>();
  /**
   * Early warnings open now whose notification was held back, by dedup key: {@link #SILENCED} or
   * {@link #INHIBITED}. Their clearing is held back too, so Slack never gets a clear for a warning
   * it did not see.
   */
  public Map<String, String> heldWarnings = new HashMap<>();
  /** Event time of the next flush of {@link #queue}; {@link Long#MIN_VALUE} when none. */
  public long flushAt = Long.MIN_VALUE;
  /** Event time of the group's last flush; {@link Long#MIN_VALUE} while the group is new. */
  public long lastFlushAt = Long.MIN_VALUE;

  public RoutingGroup() {}

  /** True when nothing fires and nothing is held: the group's state can be dropped. */
  public boolean isIdle() {
    return active.isEmpty() && providerAlert == null && queue.isEmpty() && inbox.isEmpty()
        && heldWarnings.isEmpty();
  }

  /** The earliest event time at which the router needs to run again, or {@link Long#MIN_VALUE}. */
  public long nextWakeUp() {
    long next = flushAt;
    for (long due : repeatDue.values()) {
      next = next == Long.MIN_VALUE ? due : Math.min(next, due);
    }
    return next;
  }
}
