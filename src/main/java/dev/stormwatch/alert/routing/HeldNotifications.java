package dev.stormwatch.alert.routing;

import dev.stormwatch.event.AlertEvent;
import java.io.Serializable;

/** The timing rules of a group's held notifications: group wait, group interval and repeats. */
final class HeldNotifications implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long groupWait;
  private final long groupInterval;
  private final long repeatInterval;

  HeldNotifications(long groupWait, long groupInterval, long repeatInterval) {
    this.groupWait = groupWait;
    this.groupInterval = groupInterval;
    this.repeatInterval = repeatInterval;
  }

  long groupInterval() {
    return groupInterval;
  }

  /** Schedules the next re-notification of {@code key}, unless repeats are off. */
  void scheduleRepeat(RoutingGroup g, String key, long t) {
    if (repeatInterval > 0) {
      g.repeatDue.put(key, t + repeatInterval);
    }
  }

  /**
   * Holds {@code a} for the group's next flush: after the group wait for a new group, else at the
   * next group interval after the last flush.
   */
  void enqueue(RoutingGroup g, AlertEvent a, long t) {
    g.queue.add(a);
    if (g.flushAt == Long.MIN_VALUE) {
      g.flushAt = g.lastFlushAt == Long.MIN_VALUE ? t + groupWait : Math.max(t, g.lastFlushAt + groupInterval);
    }
  }

  /** Withdraws a held trigger of {@code key}. */
  void dropTrigger(RoutingGroup g, String key) {
    g.queue.removeIf(q -> sameTrigger(q, key));
    if (g.queue.isEmpty()) {
      g.flushAt = Long.MIN_VALUE;
    }
  }

  /** True when {@code q} is a trigger (firing event) of {@code key}. */
  static boolean sameTrigger(AlertEvent q, String key) {
    return q.dedupKey().equals(key) && AlertEvent.FIRING.equals(q.status());
  }
}
