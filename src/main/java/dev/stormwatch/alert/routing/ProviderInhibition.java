package dev.stormwatch.alert.routing;

import static dev.stormwatch.alert.routing.RoutingGroup.INHIBITED;
import static dev.stormwatch.alert.routing.RoutingGroup.PENDING;
import static dev.stormwatch.alert.routing.RoutingGroup.SENT;
import static dev.stormwatch.alert.routing.RoutingGroup.SILENCED;

import dev.stormwatch.alert.routing.RoutingStep.Decision;
import dev.stormwatch.event.AlertEvent;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Raises, widens and resolves a provider group's provider-wide alert as its firing services cross
 * the threshold, withdrawing the service triggers it explains and releasing them when it ends.
 */
final class ProviderInhibition implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int minServices;
  private final SilenceRules rules;
  private final HeldNotifications held;

  ProviderInhibition(int minServices, SilenceRules rules, HeldNotifications held) {
    this.minServices = minServices;
    this.rules = rules;
    this.held = held;
  }

  /** Brings the provider-wide alert in line with the services firing now, at event time {@code t}. */
  void update(RoutingGroup g, long t, RoutingStep step) {
    if (minServices == 0) {
      return;
    }
    int firing = g.active.size();
    if (g.providerAlert == null && firing >= minServices) {
      raiseProviderAlert(g, t, step);
    } else if (g.providerAlert != null && firing >= minServices) {
      widenProviderAlert(g, t);
    } else if (g.providerAlert != null) {
      resolveProviderAlert(g, t, step);
    }
  }

  private void raiseProviderAlert(RoutingGroup g, long t, RoutingStep step) {
    long heldUntil = g.flushAt;
    g.providerServices = new ArrayList<>(g.active.values().stream().map(AlertEvent::service).sorted().toList());
    g.providerAlert = ProviderAlerts.firing(g.active.values(), g.providerServices, t);
    for (Map.Entry<String, String> d : g.disposition.entrySet()) {
      if (PENDING.equals(d.getValue())) {
        held.dropTrigger(g, d.getKey());
        d.setValue(INHIBITED);
        step.count(Decision.INHIBITED, 1);
      }
    }
    String key = g.providerAlert.dedupKey();
    if (rules.silenced(g.providerAlert, t)) {
      g.disposition.put(key, SILENCED);
      step.count(Decision.SILENCED, 1);
      held.scheduleRepeat(g, key, t);
    } else {
      g.disposition.put(key, PENDING);
      held.enqueue(g, g.providerAlert, t);
    }
    if (!g.queue.isEmpty() && heldUntil != Long.MIN_VALUE) {
      g.flushAt = heldUntil;
    }
  }

  private void widenProviderAlert(RoutingGroup g, long t) {
    boolean widened = false;
    for (AlertEvent a : g.active.values()) {
      if (!g.providerServices.contains(a.service())) {
        g.providerServices.add(a.service());
        widened = true;
      }
    }
    if (!widened) {
      return;
    }
    AlertEvent old = g.providerAlert;
    AlertEvent wider = ProviderAlerts.firing(g.active.values(), g.providerServices,
        Instant.parse(old.eventTime()).toEpochMilli());
    g.providerAlert = wider;
    String disposition = g.disposition.get(old.dedupKey());
    boolean queued = g.queue.stream().anyMatch(q -> HeldNotifications.sameTrigger(q, old.dedupKey()));
    if (queued) {
      g.queue.replaceAll(q -> HeldNotifications.sameTrigger(q, old.dedupKey()) ? wider : q);
    } else if (SENT.equals(disposition)) {
      held.enqueue(g, wider, t);
    }
  }

  private void resolveProviderAlert(RoutingGroup g, long t, RoutingStep step) {
    AlertEvent firing = g.providerAlert;
    String key = firing.dedupKey();
    g.providerAlert = null;
    g.providerServices = new ArrayList<>();
    g.repeatDue.remove(key);
    String was = g.disposition.remove(key);
    if (SENT.equals(was)) {
      held.enqueue(g, ProviderAlerts.resolved(firing, g.active.size(), t), t);
    } else if (PENDING.equals(was)) {
      held.dropTrigger(g, key);
      step.count(Decision.CANCELLED, 1);
    } else {
      step.count(Decision.SILENCED, 1);
    }
    List<AlertEvent> released = g.active.values().stream()
        .filter(a -> INHIBITED.equals(g.disposition.get(a.dedupKey())))
        .sorted(Comparator.comparing(AlertEvent::eventTime).thenComparing(AlertEvent::service))
        .toList();
    for (AlertEvent a : released) {
      if (rules.silenced(a, t)) {
        g.disposition.put(a.dedupKey(), SILENCED);
        step.count(Decision.SILENCED, 1);
        held.scheduleRepeat(g, a.dedupKey(), t);
      } else {
        g.disposition.put(a.dedupKey(), PENDING);
        held.enqueue(g, a, t);
        // stragglers of the incident that just ended get one group interval to recover unpaged
        g.flushAt = Math.max(g.flushAt, t + held.groupInterval());
      }
    }
  }
}
