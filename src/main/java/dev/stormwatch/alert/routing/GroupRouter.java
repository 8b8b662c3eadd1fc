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
import java.util.List;
import java.util.Map;

/**
 * The routing decisions of one provider group in event time, in plain Java (the Flink operator only
 * keeps the {@link RoutingGroup} and its timer): group wait and interval, provider-wide inhibition,
 * silences and re-notification. A resolve is held back only when its trigger never went out; a
 * resolve the router knows nothing about passes, so no page is ever left open. Services still
 * firing when a provider-wide alert ends are notified only if they still fire one group interval
 * later. Early warnings are neither grouped, held nor repeated.
 */
public final class GroupRouter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long repeatInterval;
  private final SilenceRules rules;
  private final HeldNotifications held;
  private final ProviderInhibition inhibition;

  public GroupRouter(RoutingConfig cfg) {
    this.repeatInterval = cfg.repeatInterval.toMillis();
    this.rules = cfg.silenceRules();
    this.held = new HeldNotifications(cfg.groupWait.toMillis(), cfg.groupInterval.toMillis(), repeatInterval);
    this.inhibition = new ProviderInhibition(cfg.inhibitProviderMinServices, rules, held);
  }

  /** Takes one lifecycle event of the group at its event time {@code t}. */
  public RoutingStep onAlert(RoutingGroup g, AlertEvent a, long t) {
    RoutingStep step = new RoutingStep();
    if (a.isEarlyWarning()) {
      onEarlyWarning(g, a, t, step);
      return step;
    }
    if (AlertEvent.FIRING.equals(a.status())) {
      onFiring(g, a, t, step);
    } else {
      onResolved(g, a, step);
    }
    inhibition.update(g, t, step);
    return step;
  }

  /** Runs the group's due work at event time {@code t}: flushes held notifications and repeats. */
  public RoutingStep advance(RoutingGroup g, long t) {
    return advance(g, t, false);
  }

  /**
   * As {@link #advance(RoutingGroup, long)}; at the {@code endOfInput} of a bounded run (the
   * watermark jumped to its maximum) held notifications still go out but nothing repeats any more.
   */
  public RoutingStep advance(RoutingGroup g, long t, boolean endOfInput) {
    RoutingStep step = new RoutingStep();
    if (g.flushAt != Long.MIN_VALUE && g.flushAt <= t) {
      flush(g, t, step);
    }
    if (endOfInput) {
      g.repeatDue.clear();
    }
    List<String> due = g.repeatDue.entrySet().stream()
        .filter(e -> e.getValue() <= t)
        .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
    for (String key : due) {
      repeat(g, key, t, step);
    }
    if (g.isIdle()) {
      g.lastFlushAt = Long.MIN_VALUE;
    }
    return step;
  }

  private void onFiring(RoutingGroup g, AlertEvent a, long t, RoutingStep step) {
    String key = a.dedupKey();
    g.heldWarnings.remove(key);
    boolean known = g.active.containsKey(key);
    g.active.put(key, a);
    if (known) {
      return;
    }
    String holdBack = holdBack(g, a, t);
    if (holdBack == null) {
      g.disposition.put(key, PENDING);
      held.enqueue(g, a, t);
      return;
    }
    g.disposition.put(key, holdBack);
    step.count(heldDecision(holdBack), 1);
    if (SILENCED.equals(holdBack)) {
      held.scheduleRepeat(g, key, t);
    }
  }

  /**
   * An early warning or its clearing goes out at once (a heads-up gains nothing from waiting for a
   * group), unless a silence covers it or a provider-wide alert already explains the provider. A
   * clearing whose warning was held back is held back too; a page on the key supersedes its warning.
   */
  private void onEarlyWarning(RoutingGroup g, AlertEvent a, long t, RoutingStep step) {
    String key = a.dedupKey();
    boolean clearing = AlertEvent.EARLY_WARNING_CLEARED.equals(a.status());
    String heldAs = g.heldWarnings.remove(key);
    if (!clearing || heldAs == null) {
      heldAs = holdBack(g, a, t);
      if (!clearing && heldAs != null) {
        g.heldWarnings.put(key, heldAs);
      }
    }
    if (heldAs == null) {
      step.send(a);
    } else {
      step.count(heldDecision(heldAs), 1);
    }
  }

  /**
   * Why a new notification is held back at {@code t}: {@link RoutingGroup#SILENCED} when a silence
   * covers it, {@link RoutingGroup#INHIBITED} while a provider-wide alert explains the provider,
   * else null.
   */
  private String holdBack(RoutingGroup g, AlertEvent a, long t) {
    return rules.silenced(a, t) ? SILENCED : g.providerAlert != null ? INHIBITED : null;
  }

  /** The counted decision of a held-back disposition ({@code SILENCED} or {@code INHIBITED}). */
  private static Decision heldDecision(String disposition) {
    return SILENCED.equals(disposition) ? Decision.SILENCED : Decision.INHIBITED;
  }

  private void onResolved(RoutingGroup g, AlertEvent a, RoutingStep step) {
    String key = a.dedupKey();
    g.active.remove(key);
    g.repeatDue.remove(key);
    String was = g.disposition.remove(key);
    if (was == null || SENT.equals(was)) {
      held.enqueue(g, a, Instant.parse(a.eventTime()).toEpochMilli());
    } else if (PENDING.equals(was)) {
      held.dropTrigger(g, key);
      step.count(Decision.CANCELLED, 1);
    } else {
      step.count(heldDecision(was), 1);
    }
  }

  private void flush(RoutingGroup g, long t, RoutingStep step) {
    List<AlertEvent> batch = g.queue;
    g.queue = new ArrayList<>();
    g.flushAt = Long.MIN_VALUE;
    g.lastFlushAt = t;
    for (AlertEvent a : batch) {
      if (AlertEvent.FIRING.equals(a.status()) && PENDING.equals(g.disposition.get(a.dedupKey()))) {
        g.disposition.put(a.dedupKey(), SENT);
        held.scheduleRepeat(g, a.dedupKey(), t);
      }
      step.send(a);
    }
    if (batch.size() > 1) {
      step.count(Decision.GROUPED, batch.size());
    }
  }

  private void repeat(RoutingGroup g, String key, long t, RoutingStep step) {
    AlertEvent a = g.providerAlert != null && key.equals(g.providerAlert.dedupKey())
        ? g.providerAlert : g.active.get(key);
    String disposition = g.disposition.get(key);
    if (a == null || disposition == null) {
      g.repeatDue.remove(key);
      return;
    }
    g.repeatDue.put(key, t + repeatInterval);
    boolean inhibited = g.providerAlert != null && a != g.providerAlert;
    if (inhibited || rules.silenced(a, t)) {
      return;
    }
    if (SENT.equals(disposition)) {
      step.send(stillFiring(a, t));
      step.count(Decision.REPEATED, 1);
    } else if (SILENCED.equals(disposition)) {
      g.disposition.put(key, SENT);
      step.send(a);
    }
  }

  private static AlertEvent stillFiring(AlertEvent a, long t) {
    long since = Instant.parse(a.eventTime()).toEpochMilli();
    String summary = "Still firing after " + (t - since) / 60_000 + " min: " + a.summary();
    return new AlertEvent(a.alertId(), a.dedupKey(), a.status(), a.severity(), a.provider(), a.region(),
        a.service(), a.eventTime(), Instant.now().toString(), a.score(), a.posterior(), a.uncertainty(),
        a.modelVersion(), summary.length() > 1024 ? summary.substring(0, 1024) : summary,
        a.contributors(), a.logEvidence());
  }
}
