package dev.stormwatch.eval.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.alert.routing.ProviderAlerts;
import dev.stormwatch.alert.routing.RoutingConfig;
import dev.stormwatch.eval.Label;
import dev.stormwatch.event.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageReplayTest {
  private static final Instant T0 = Instant.parse("2023-01-29T08:00:00Z");

  private final PageReplay replay = new PageReplay(routing(), Duration.ofMinutes(15));
  private final Label incident = new Label("i1", "tt", "contacts", "return", at(10), at(10), at(13));

  @Test
  void threeServicesAtOnceAreOneProviderWidePageThatCatchesTheIncident() {
    List<AlertEvent> alerts = threeAtOnce("contacts");
    List<PageReplay.Page> pages = replay.pages(alerts);
    assertThat(pages).extracting(p -> p.alert().service()).containsExactly(ProviderAlerts.ALL_SERVICES);
    assertThat(pages.get(0).services()).containsExactlyInAnyOrder("travel", "order", "contacts");
    assertThat(replay.score(alerts, List.of(incident))).isEqualTo(new PageReplay.Score(1, 0));
  }

  @Test
  void withRoutingOffEveryTriggerIsAPage() {
    RoutingConfig off = routing();
    off.enabled = false;
    List<AlertEvent> alerts = List.of(
        event("travel", 11, AlertEvent.FIRING, 11), event("order", 11, AlertEvent.FIRING, 11),
        event("contacts", 12, AlertEvent.FIRING, 12), event("contacts", 13, AlertEvent.RESOLVED, 12));
    PageReplay unrouted = new PageReplay(off, Duration.ofMinutes(15));
    assertThat(unrouted.pages(alerts)).extracting(p -> p.alert().service())
        .containsExactly("travel", "order", "contacts");
    assertThat(unrouted.score(alerts, List.of(incident))).isEqualTo(new PageReplay.Score(1, 2));
  }

  @Test
  void aProviderWidePageThatDoesNotNameTheFaultyServiceIsFalse() {
    List<AlertEvent> alerts = threeAtOnce("food");
    assertThat(replay.score(alerts, List.of(incident))).isEqualTo(new PageReplay.Score(0, 1));
  }

  @Test
  void aPageOnAnotherServiceIsFalseAndDoesNotCatchTheIncident() {
    List<AlertEvent> alerts = List.of(event("travel", 11, AlertEvent.FIRING, 11),
        event("travel", 20, AlertEvent.RESOLVED, 11));
    assertThat(replay.score(alerts, List.of(incident))).isEqualTo(new PageReplay.Score(0, 1));
  }

  @Test
  void aPageCountsFromTheIncidentsStartToItsGraceAfterTheEnd() {
    assertThat(replay.score(lone("contacts", 9), List.of(incident))).isEqualTo(new PageReplay.Score(0, 1));
    assertThat(replay.score(lone("contacts", 27), List.of(incident))).isEqualTo(new PageReplay.Score(1, 0));
    assertThat(replay.score(lone("contacts", 29), List.of(incident))).isEqualTo(new PageReplay.Score(0, 1));
  }

  @Test
  void earlyWarningsAndAnAlertResolvedWhileHeldAreNotPages() {
    List<AlertEvent> alerts = List.of(event("contacts", 5, AlertEvent.EARLY_WARNING, 5),
        event("travel", 40, AlertEvent.FIRING, 40), event("travel", 41, AlertEvent.RESOLVED, 40));
    assertThat(replay.pages(alerts)).isEmpty();
  }

  @Test
  void eachIncidentIsCountedOnceHoweverManyPagesItGets() {
    List<AlertEvent> alerts = List.of(event("contacts", 11, AlertEvent.FIRING, 11),
        event("contacts", 15, AlertEvent.RESOLVED, 11), event("contacts", 20, AlertEvent.FIRING, 20),
        event("contacts", 25, AlertEvent.RESOLVED, 20));
    assertThat(replay.pages(alerts)).hasSize(2);
    assertThat(replay.score(alerts, List.of(incident))).isEqualTo(new PageReplay.Score(1, 0));
  }

  /** Travel and order fire at minute 11 and {@code third} at 12; all resolve at 30-31. */
  private static List<AlertEvent> threeAtOnce(String third) {
    return List.of(
        event("travel", 11, AlertEvent.FIRING, 11), event("order", 11, AlertEvent.FIRING, 11),
        event(third, 12, AlertEvent.FIRING, 12), event("travel", 30, AlertEvent.RESOLVED, 11),
        event("order", 30, AlertEvent.RESOLVED, 11), event(third, 31, AlertEvent.RESOLVED, 12));
  }

  private static List<AlertEvent> lone(String service, int minute) {
    return List.of(event(service, minute, AlertEvent.FIRING, minute),
        event(service, minute + 10, AlertEvent.RESOLVED, minute));
  }

  private static RoutingConfig routing() {
    RoutingConfig cfg = new RoutingConfig();
    cfg.groupWait = Duration.ofMinutes(3);
    return cfg;
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  private static AlertEvent event(String service, int minute, String status, int firedMinute) {
    return new AlertEvent("id-" + service + "-" + firedMinute,
        AlertPolicy.dedupKey("tt", service, "hybrid-v1"), status, "error", "tt", "on-prem", service,
        at(minute).toString(), at(minute).toString(), 0.9, 0.95, 0.02, "hybrid-v1",
        "Anomaly on tt/" + service, List.of(), List.of());
  }
}
