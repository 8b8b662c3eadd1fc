package dev.stormwatch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early warnings are scored apart from pages: first notice, lead time and warning false alarms. */
class EarlyWarningEvaluationTest {
  private static final Instant T0 = Instant.parse("2026-03-03T00:00:00Z");

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  private static AlertEpisodes.Event event(String service, String status, int minute) {
    return new AlertEpisodes.Event("key-" + service, status, "aws", service, at(minute));
  }

  @Test
  void warningSpansEndWhenClearedOrWhenAPageFollowsAndNeverBecomeEpisodes() {
    List<AlertEpisodes.Event> events = List.of(
        event("payments", "early_warning", 10), event("payments", "firing", 14),
        event("payments", "resolved", 40), event("search", "early_warning", 100),
        event("search", "early_warning_cleared", 108), event("auth", "early_warning", 200));
    List<AlertEpisode> warnings = AlertEpisodes.warnings(events);
    assertThat(warnings).extracting(AlertEpisode::service).containsExactly("payments", "search", "auth");
    assertThat(warnings).extracting(AlertEpisode::resolved).containsExactly(true, false, false);
    assertThat(warnings.get(0).end()).isEqualTo(at(14));
    assertThat(warnings.get(2).end()).as("open to the end of the data").isEqualTo(at(200));
    assertThat(AlertEpisodes.episodes(events)).extracting(AlertEpisode::service).containsExactly("payments");
  }

  @Test
  void firstNoticeIsTheEarlierOfWarningAndPageAndPageMetricsDoNotMove() {
    List<Label> incidents = List.of(
        new Label("a", "aws", "payments", "memory_leak", at(0), at(30), at(60)),
        new Label("b", "aws", "search", "bad_deploy", at(100), at(104), at(130)),
        new Label("c", "aws", "auth", "dependency_slow", at(300), at(320), at(340)));
    List<AlertEpisodes.Event> events = List.of(
        event("payments", "early_warning", 5), event("payments", "firing", 25),
        event("search", "firing", 106),
        event("auth", "early_warning", 310), event("auth", "early_warning_cleared", 318),
        event("checkout", "early_warning", 500));
    ScenarioEvaluator evaluator = new ScenarioEvaluator();
    ScenarioReport withWarnings = evaluator.evaluate(incidents, List.of(), AlertEpisodes.episodes(events),
        AlertEpisodes.warnings(events), T0, T0.plus(Duration.ofDays(1)), 6);
    ScenarioReport pagesOnly = evaluator.evaluate(incidents, List.of(), AlertEpisodes.episodes(events),
        T0, T0.plus(Duration.ofDays(1)), 6);
    assertThat(withWarnings.detected()).isEqualTo(2).isEqualTo(pagesOnly.detected());
    assertThat(withWarnings.f1()).isEqualTo(pagesOnly.f1());
    ScenarioReport.EarlyWarnings w = withWarnings.earlyWarnings();
    assertThat(w.warnings()).isEqualTo(3);
    assertThat(w.escalated()).isEqualTo(1);
    assertThat(w.onIncidents()).isEqualTo(2);
    assertThat(w.falseAlarms()).isEqualTo(1);
    assertThat(w.falseAlarmsPerDayPer12Services()).isEqualTo(2.0);
    // payments noticed by its warning at 5 (lead 25), search by its page at 106 (lead -2), auth by
    // a warning that never paged at 310 (lead 10)
    assertThat(w.noticed()).isEqualTo(3);
    assertThat(w.warnedFirst()).isEqualTo(2);
    assertThat(w.noticeLeadMedianS()).isEqualTo(600.0);
    assertThat(w.noticeDelayMedianS()).isEqualTo(360.0);
    assertThat(w.noticedBeforeImpactShare()).isEqualTo(2 / 3.0);
    assertThat(pagesOnly.earlyWarnings().warnings()).isZero();
    assertThat(pagesOnly.earlyWarnings().noticeLeadMedianS()).isEqualTo(pagesOnly.leadTimeMedianS());
  }
}
