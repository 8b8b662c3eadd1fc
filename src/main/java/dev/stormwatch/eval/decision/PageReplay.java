package dev.stormwatch.eval.decision;

import dev.stormwatch.alert.routing.GroupRouter;
import dev.stormwatch.alert.routing.ProviderAlerts;
import dev.stormwatch.alert.routing.RoutingConfig;
import dev.stormwatch.alert.routing.RoutingGroup;
import dev.stormwatch.alert.routing.RoutingStep;
import dev.stormwatch.eval.Label;
import dev.stormwatch.event.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What on-call would be paged for: a sweep's lifecycle alerts routed through the job's own router
 * ({@link GroupRouter}: group wait and interval, provider-wide pages that stand in for three or
 * more services firing at once, silences), re-notification off, and the resulting trigger pages
 * scored against the incidents. A page counts for an incident that started no later than the page
 * and ended at most {@code grace} before it when it names the incident's service: a service page
 * its own, a provider-wide page every service firing when it went out. Early warnings are not
 * pages. With routing off ({@code routing.enabled: false}) every trigger is a page, as in the job.
 */
final class PageReplay {
  /** The job's router with re-notification off; null when the job's routing is off. */
  private final GroupRouter router;
  private final Duration grace;

  /**
   * @param routing the job's routing settings (its repeat interval is ignored: re-notifications of
   *     a page still firing are not new pages)
   * @param grace how long after an incident's end a page still counts for it
   */
  PageReplay(RoutingConfig routing, Duration grace) {
    this.router = routing.enabled ? new GroupRouter(routing.withoutRepeats().validate()) : null;
    this.grace = grace;
  }

  /** Incidents paged for and pages that matched none. */
  record Score(int paged, int falsePages) {}

  /** A trigger page and the services it names. */
  record Page(AlertEvent alert, Set<String> services) {}

  /** Routes {@code alerts} (any order) and scores the trigger pages on {@code incidents}. */
  Score score(List<AlertEvent> alerts, List<Label> incidents) {
    List<Page> pages = pages(alerts);
    Set<Label> paged = new HashSet<>();
    int falsePages = 0;
    for (Page page : pages) {
      List<Label> explained = incidents.stream().filter(l -> explains(page, l)).toList();
      paged.addAll(explained);
      falsePages += explained.isEmpty() ? 1 : 0;
    }
    return new Score(paged.size(), falsePages);
  }

  /** The trigger pages the router sends for {@code alerts}, in event-time order per provider. */
  List<Page> pages(List<AlertEvent> alerts) {
    Map<String, List<AlertEvent>> byProvider = new LinkedHashMap<>();
    alerts.stream().filter(a -> !a.isEarlyWarning())
        .sorted(Comparator.comparingLong(PageReplay::millis))
        .forEach(a -> byProvider.computeIfAbsent(a.provider(), p -> new ArrayList<>()).add(a));
    List<Page> pages = new ArrayList<>();
    if (router == null) {
      byProvider.values().forEach(provider -> provider.stream()
          .filter(a -> AlertEvent.FIRING.equals(a.status()))
          .forEach(a -> pages.add(new Page(a, Set.of(a.service())))));
      return pages;
    }
    for (List<AlertEvent> provider : byProvider.values()) {
      RoutingGroup group = new RoutingGroup();
      for (AlertEvent a : provider) {
        long t = millis(a);
        catchUp(group, t, pages);
        collect(router.onAlert(group, a, t), group, pages);
      }
      catchUp(group, Long.MAX_VALUE - 1, pages);
      collect(router.advance(group, Long.MAX_VALUE - 1, true), group, pages);
    }
    return pages;
  }

  /** Runs the group's flushes due before {@code t}, as the job's timers would. */
  private void catchUp(RoutingGroup group, long t, List<Page> pages) {
    long due = group.nextWakeUp();
    while (due != Long.MIN_VALUE && due < t) {
      collect(router.advance(group, due), group, pages);
      long next = group.nextWakeUp();
      if (next == due) {
        throw new IllegalStateException("the router did not move past " + Instant.ofEpochMilli(due));
      }
      due = next;
    }
  }

  private static void collect(RoutingStep step, RoutingGroup group, List<Page> pages) {
    for (AlertEvent a : step.notifications()) {
      if (AlertEvent.FIRING.equals(a.status())) {
        boolean providerWide = ProviderAlerts.ALL_SERVICES.equals(a.service());
        pages.add(new Page(a, providerWide ? Set.copyOf(group.providerServices) : Set.of(a.service())));
      }
    }
  }

  private boolean explains(Page page, Label incident) {
    boolean target = incident.provider().equals(page.alert().provider())
        && page.services().contains(incident.service());
    Instant at = Instant.parse(page.alert().eventTime());
    return target && !at.isBefore(incident.start()) && !at.isAfter(incident.end().plus(grace));
  }

  private static long millis(AlertEvent a) {
    return Instant.parse(a.eventTime()).toEpochMilli();
  }
}
