package dev.stormwatch.alert.routing;

import static dev.stormwatch.alert.routing.Alerts.MIN;
import static dev.stormwatch.alert.routing.Alerts.at;
import static dev.stormwatch.alert.routing.Alerts.earlyWarning;
import static dev.stormwatch.alert.routing.Alerts.earlyWarningCleared;
import static dev.stormwatch.alert.routing.Alerts.firing;
import static dev.stormwatch.alert.routing.Alerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.alert.routing.RoutingStep.Decision;
import dev.stormwatch.event.AlertEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Grouping, cancellation, inhibition, silences and repeats of one provider group, in plain Java. */
class GroupRouterTest {
  private final RoutingGroup group = new RoutingGroup();
  private final List<AlertEvent> sent = new ArrayList<>();
  private final long[] counts = new long[Decision.values().length];
  private GroupRouter router = router(c -> { });

  private static GroupRouter router(Consumer<RoutingConfig> tweak) {
    RoutingConfig c = new RoutingConfig();
    c.repeatInterval = Duration.ZERO;
    tweak.accept(c);
    return new GroupRouter(c.validate());
  }

  private void alert(AlertEvent a) {
    record(router.onAlert(group, a, java.time.Instant.parse(a.eventTime()).toEpochMilli()));
  }

  private List<AlertEvent> advance(long t) {
    int before = sent.size();
    record(router.advance(group, t));
    return sent.subList(before, sent.size());
  }

  private void record(RoutingStep step) {
    sent.addAll(step.notifications());
    for (Decision d : Decision.values()) {
      counts[d.ordinal()] += step.count(d);
    }
  }

  private long count(Decision d) {
    return counts[d.ordinal()];
  }

  private static List<String> described(List<AlertEvent> events) {
    return events.stream().map(e -> e.service() + ":" + e.status()).toList();
  }

  @Test
  void firstAlertsOfAGroupWaitAndGoOutTogether() {
    alert(firing("aws", "payments", 0));
    alert(firing("aws", "search", 0));
    assertThat(group.nextWakeUp()).isEqualTo(at(0) + 30_000);
    assertThat(advance(at(0) + 29_999)).isEmpty();
    assertThat(described(advance(at(0) + 30_000))).containsExactly("payments:firing", "search:firing");
    assertThat(count(Decision.GROUPED)).isEqualTo(2);
  }

  @Test
  void laterAlertsOfANotifiedGroupWaitForTheGroupInterval() {
    alert(firing("aws", "payments", 0));
    advance(at(0) + 30_000);
    alert(firing("aws", "search", 2));
    assertThat(group.nextWakeUp()).isEqualTo(at(5) + 30_000);
    assertThat(advance(at(5))).isEmpty();
    assertThat(described(advance(at(5) + 30_000))).containsExactly("search:firing");
    assertThat(count(Decision.GROUPED)).isZero();
  }

  @Test
  void blipShorterThanTheGroupWaitPagesNobodyAndLeavesNoState() {
    router = router(c -> c.groupWait = Duration.ofMinutes(3));
    alert(firing("aws", "payments", 0));
    alert(resolved("aws", "payments", 0, 2));
    assertThat(advance(at(10))).isEmpty();
    assertThat(count(Decision.CANCELLED)).isEqualTo(1);
    assertThat(group.isIdle()).isTrue();
    assertThat(group.nextWakeUp()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void resolveOfASentTriggerGoesOutAndKeepsItsOrderBehindTheTrigger() {
    alert(firing("aws", "payments", 0));
    advance(at(1));
    alert(resolved("aws", "payments", 0, 8));
    alert(firing("aws", "payments", 9));
    List<AlertEvent> out = advance(at(9));
    assertThat(described(out)).containsExactly("payments:resolved", "payments:firing");
    assertThat(out.get(0).alertId()).isEqualTo("id-payments-0");
    assertThat(out.get(1).alertId()).isEqualTo("id-payments-9");
    assertThat(group.isIdle()).isFalse();
  }

  @Test
  void resolveTheRouterNeverSawTheTriggerOfStillGoesOut() {
    alert(resolved("aws", "payments", -30, 5));
    assertThat(described(advance(at(6)))).containsExactly("payments:resolved");
    assertThat(group.isIdle()).isTrue();
  }

  @Test
  void providerWideIncidentPagesOnceAndExplainsItsServices() {
    alert(firing("aws", "payments", 0, "warning"));
    alert(firing("aws", "search", 0, "critical"));
    alert(firing("aws", "checkout", 0));
    alert(firing("aws", "auth", 1));
    List<AlertEvent> out = advance(at(1));
    assertThat(described(out)).containsExactly("*:firing");
    AlertEvent provider = out.get(0);
    assertThat(provider.severity()).isEqualTo("critical");
    assertThat(provider.summary()).contains("4 services", "auth", "checkout", "payments", "search");
    assertThat(provider.region()).isEqualTo("r-auth,r-checkout,r-payments,r-search");
    assertThat(provider.contributors()).extracting(AlertEvent.Contributor::signal)
        .startsWith("latency_p99_ms").contains("payments_errors");
    assertThat(provider.dedupKey()).isNotEqualTo(firing("aws", "payments", 0).dedupKey())
        .isEqualTo(dev.stormwatch.alert.AlertPolicy.dedupKey("aws", "*", "baseline"));
    assertThat(count(Decision.INHIBITED)).isEqualTo(4);

    alert(resolved("aws", "auth", 1, 20));
    alert(resolved("aws", "checkout", 0, 21));
    assertThat(advance(at(21))).isEmpty();
    out = advance(at(26));
    assertThat(described(out)).containsExactly("*:resolved", "payments:firing", "search:firing");
    assertThat(out.get(0).alertId()).isEqualTo(provider.alertId());
    assertThat(count(Decision.INHIBITED)).isEqualTo(6);
    alert(resolved("aws", "payments", 0, 30));
    alert(resolved("aws", "search", 0, 30));
    assertThat(advance(at(30))).isEmpty();
    assertThat(described(advance(at(31)))).containsExactly("payments:resolved", "search:resolved");
    assertThat(group.isIdle()).isTrue();
  }

  @Test
  void stragglersOfAnEndedProviderIncidentRecoveringWithinAGroupIntervalAreNeverPaged() {
    for (String s : List.of("payments", "search", "checkout")) {
      alert(firing("aws", s, 0));
    }
    advance(at(1));
    alert(resolved("aws", "payments", 0, 20));
    alert(resolved("aws", "search", 0, 22));
    alert(resolved("aws", "checkout", 0, 24));
    assertThat(described(advance(at(30)))).containsExactly("*:resolved");
    // the provider alert ended when payments recovered; search and checkout did within 5 minutes
    assertThat(count(Decision.CANCELLED)).isEqualTo(2);
    assertThat(described(sent)).containsExactly("*:firing", "*:resolved");
  }

  @Test
  void servicesJoiningAHeldProviderAlertWidenItAndPagedServicesStillResolve() {
    alert(firing("aws", "payments", 0));
    advance(at(1));
    alert(firing("aws", "search", 2));
    alert(firing("aws", "checkout", 3));
    alert(firing("aws", "auth", 4));
    alert(resolved("aws", "payments", 0, 5));
    List<AlertEvent> out = advance(at(6));
    assertThat(described(out)).containsExactly("*:firing", "payments:resolved");
    assertThat(out.get(0).summary()).contains("auth", "checkout", "payments", "search");
    assertThat(count(Decision.CANCELLED)).isZero();
  }

  @Test
  void silencedTriggerAndItsResolveAreNotSentButAPageOpenedBeforeASilenceIsClosed() {
    router = router(c -> c.silences.add(new Silence(new AlertMatchers("aws", "~pay.*", null),
        Alerts.START.plusSeconds(10 * 60), Alerts.START.plusSeconds(60 * 60), "failover test")));
    alert(firing("aws", "search", 5));
    advance(at(6));
    alert(firing("aws", "payments", 12));
    alert(resolved("aws", "payments", 12, 20));
    alert(resolved("aws", "search", 5, 20));
    assertThat(described(advance(at(30)))).containsExactly("search:resolved");
    assertThat(count(Decision.SILENCED)).isEqualTo(2);
    assertThat(described(sent)).containsExactly("search:firing", "search:resolved");
  }

  @Test
  void stillFiringAlertIsRepeatedButNotWhileInhibited() {
    router = router(c -> c.repeatInterval = Duration.ofHours(1));
    alert(firing("aws", "payments", 0));
    advance(at(0) + 30_000);
    assertThat(advance(at(60))).isEmpty();
    List<AlertEvent> out = advance(at(60) + 30_000);
    assertThat(described(out)).containsExactly("payments:firing");
    assertThat(out.get(0).summary()).startsWith("Still firing after 60 min: Anomaly on aws/payments");
    assertThat(count(Decision.REPEATED)).isEqualTo(1);

    alert(firing("aws", "search", 70));
    alert(firing("aws", "checkout", 70));
    advance(at(76));
    out = advance(at(120) + 30_000);
    assertThat(described(out)).isEmpty();
    assertThat(described(advance(at(137)))).containsExactly("*:firing");
    assertThat(count(Decision.REPEATED)).isEqualTo(2);
  }

  @Test
  void silencedAlertStillFiringWhenItsSilenceEndsIsNotifiedAtItsNextRepeat() {
    router = router(c -> {
      c.repeatInterval = Duration.ofMinutes(30);
      c.silences.add(new Silence(new AlertMatchers("aws", null, null), Alerts.START,
          Alerts.START.plusSeconds(50 * 60), ""));
    });
    alert(firing("aws", "payments", 10));
    assertThat(advance(at(40))).isEmpty();
    assertThat(described(advance(at(70)))).containsExactly("payments:firing");
    alert(resolved("aws", "payments", 10, 80));
    assertThat(described(advance(at(80) + 30_000))).containsExactly("payments:resolved");
  }

  @Test
  void inhibitionOffLetsEveryServicePage() {
    router = router(c -> c.inhibitProviderMinServices = 0);
    for (String s : List.of("a", "b", "c", "d")) {
      alert(firing("aws", s, 0));
    }
    assertThat(advance(at(1))).hasSize(4);
    assertThat(count(Decision.INHIBITED)).isZero();
    assertThat(group.nextWakeUp()).isEqualTo(Long.MIN_VALUE);
    assertThat(MIN).isPositive();
  }

  @Test
  void earlyWarningsGoOutAtOnceUnlessSilencedOrExplainedByAProviderAlert() {
    router = router(c -> c.silences.add(new Silence(new AlertMatchers("aws", "search", "info"),
        Alerts.START, Alerts.START.plusSeconds(60 * 60), "noisy heads-ups")));
    alert(earlyWarning("aws", "payments", 1));
    assertThat(described(sent)).containsExactly("payments:early_warning");
    assertThat(group.nextWakeUp()).as("nothing held").isEqualTo(Long.MIN_VALUE);
    alert(earlyWarning("aws", "search", 2));
    assertThat(count(Decision.SILENCED)).isEqualTo(1);
    for (String s : List.of("a", "b", "c")) {
      alert(firing("aws", s, 3));
    }
    advance(at(4));
    assertThat(described(sent)).containsExactly("payments:early_warning", "*:firing");
    alert(earlyWarning("aws", "checkout", 5));
    assertThat(count(Decision.INHIBITED)).isEqualTo(4);
    assertThat(described(sent)).hasSize(2);
  }

  @Test
  void aWarningHeldBackBySilenceIsNotClearedOnSlackAfterTheSilenceEnds() {
    router = router(c -> c.silences.add(new Silence(new AlertMatchers("aws", "search", "info"),
        Alerts.START, Alerts.START.plusSeconds(10 * 60), "noisy heads-ups")));
    alert(earlyWarning("aws", "search", 1));
    alert(earlyWarning("aws", "payments", 2));
    assertThat(group.isIdle()).as("the held-back warning is remembered").isFalse();
    alert(earlyWarningCleared("aws", "search", 1, 30));
    alert(earlyWarningCleared("aws", "payments", 2, 31));
    assertThat(described(sent)).containsExactly("payments:early_warning", "payments:early_warning_cleared");
    assertThat(count(Decision.SILENCED)).isEqualTo(2);
    assertThat(group.isIdle()).isTrue();
  }

  @Test
  void aWarningExplainedByAProviderAlertIsNotClearedAfterThatAlertEnds() {
    for (String s : List.of("a", "b", "c")) {
      alert(firing("aws", s, 0));
    }
    advance(at(1));
    alert(earlyWarning("aws", "search", 2));
    for (String s : List.of("a", "b", "c")) {
      alert(resolved("aws", s, 0, 5));
    }
    advance(at(10));
    int pages = sent.size();
    alert(earlyWarningCleared("aws", "search", 2, 20));
    assertThat(sent).hasSize(pages);
    assertThat(described(sent)).doesNotContain("search:early_warning", "search:early_warning_cleared");
    assertThat(group.isIdle()).isTrue();
  }

  @Test
  void aPageSupersedesAHeldBackWarningAndTheNextWarningIsJudgedAfresh() {
    router = router(c -> c.silences.add(new Silence(new AlertMatchers("aws", "search", "info"),
        Alerts.START, Alerts.START.plusSeconds(10 * 60), "noisy heads-ups")));
    alert(earlyWarning("aws", "search", 1));
    alert(firing("aws", "search", 5));
    assertThat(group.heldWarnings).isEmpty();
    advance(at(6));
    alert(resolved("aws", "search", 5, 20));
    advance(at(21));
    alert(earlyWarning("aws", "search", 40));
    alert(earlyWarningCleared("aws", "search", 40, 50));
    assertThat(described(sent)).containsExactly("search:firing", "search:resolved",
        "search:early_warning", "search:early_warning_cleared");
    assertThat(group.isIdle()).isTrue();
  }
}
