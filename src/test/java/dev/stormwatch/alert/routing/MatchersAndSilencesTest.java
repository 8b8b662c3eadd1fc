package dev.stormwatch.alert.routing;

import static dev.stormwatch.alert.routing.Alerts.firing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label matchers, one-off silences and weekly maintenance windows. */
class MatchersAndSilencesTest {
  @Test
  void exactMatchersCompareWholeValuesAndRegexMatchersMustMatchTheWholeValue() {
    assertThat(LabelMatcher.parse("aws").matches("aws")).isTrue();
    assertThat(LabelMatcher.parse("aws").matches("aws2")).isFalse();
    assertThat(LabelMatcher.parse("~pay.*").matches("payments")).isTrue();
    assertThat(LabelMatcher.parse("~pay").matches("payments")).isFalse();
    assertThat(LabelMatcher.parse("~(warning|info)").matches("info")).isTrue();
    assertThatThrownBy(() -> LabelMatcher.parse("~pay(")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad regular expression 'pay('");
  }

  @Test
  void alertMatchersNeedEveryGivenLabelToMatch() {
    AlertMatchers m = new AlertMatchers("aws", "~pay.*", null);
    assertThat(m.matches(firing("aws", "payments", 0))).isTrue();
    assertThat(m.matches(firing("gcp", "payments", 0))).isFalse();
    assertThat(m.matches(firing("aws", "search", 0))).isFalse();
    AlertMatchers bySeverity = new AlertMatchers(null, null, "warning");
    assertThat(bySeverity.matches(firing("aws", "search", 0, "warning"))).isTrue();
    assertThat(bySeverity.matches(firing("aws", "search", 0, "critical"))).isFalse();
  }

  @Test
  void silenceCoversItsMatchersFromStartUntilJustBeforeEnd() {
    Silence s = new Silence(new AlertMatchers("aws", null, null), Alerts.START.plusSeconds(600),
        Alerts.START.plusSeconds(1200), "failover test");
    assertThat(s.silences(firing("aws", "payments", 10), Alerts.at(10))).isTrue();
    assertThat(s.silences(firing("aws", "payments", 19), Alerts.at(19))).isTrue();
    assertThat(s.silences(firing("aws", "payments", 20), Alerts.at(20))).isFalse();
    assertThat(s.silences(firing("aws", "payments", 9), Alerts.at(9))).isFalse();
    assertThat(s.silences(firing("gcp", "search", 15), Alerts.at(15))).isFalse();
    assertThatThrownBy(() -> new Silence(new AlertMatchers("aws", null, null), Alerts.START.plusSeconds(10),
        Alerts.START, "")).hasMessageContaining("must be after starts");
  }

  @Test
  void maintenanceWindowFollowsItsZoneAndCrossesMidnight() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    MaintenanceWindow sundayNight = new MaintenanceWindow(new AlertMatchers("gcp", null, null),
        EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 0), LocalTime.of(4, 0), berlin, "");
    // 2026-03-01 is a Sunday; Berlin is UTC+1 in March before the switch to summer time
    assertThat(sundayNight.activeAt(Instant.parse("2026-03-01T01:00:00Z").toEpochMilli())).isTrue();
    assertThat(sundayNight.activeAt(Instant.parse("2026-03-01T02:59:59Z").toEpochMilli())).isTrue();
    assertThat(sundayNight.activeAt(Instant.parse("2026-03-01T03:00:00Z").toEpochMilli())).isFalse();
    assertThat(sundayNight.activeAt(Instant.parse("2026-03-01T00:59:00Z").toEpochMilli())).isFalse();
    assertThat(sundayNight.activeAt(Instant.parse("2026-03-08T01:30:00Z").toEpochMilli())).isTrue();
    assertThat(sundayNight.activeAt(Instant.parse("2026-03-02T01:30:00Z").toEpochMilli())).isFalse();

    MaintenanceWindow overnight = new MaintenanceWindow(new AlertMatchers("aws", null, null),
        EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0), ZoneOffset.UTC, "");
    assertThat(overnight.activeAt(Instant.parse("2026-02-28T23:00:00Z").toEpochMilli())).isTrue();
    assertThat(overnight.activeAt(Instant.parse("2026-03-01T01:59:00Z").toEpochMilli())).isTrue();
    assertThat(overnight.activeAt(Instant.parse("2026-03-01T02:00:00Z").toEpochMilli())).isFalse();
    assertThat(overnight.activeAt(Instant.parse("2026-03-01T23:00:00Z").toEpochMilli())).isFalse();
    assertThat(overnight.activeAt(Instant.parse("2026-02-28T01:00:00Z").toEpochMilli())).isFalse();
  }

  @Test
  void silenceRulesAskEverySilenceAndWindow() {
    SilenceRules rules = new SilenceRules(
        List.of(new Silence(new AlertMatchers(null, "search", null), Alerts.START, Alerts.START.plusSeconds(60), "")),
        List.of(new MaintenanceWindow(new AlertMatchers("azure", null, "~warning|info"),
            EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0), LocalTime.of(1, 0), ZoneOffset.UTC, "")));
    assertThat(rules.silenced(firing("gcp", "search", 0), Alerts.at(0))).isTrue();
    assertThat(rules.silenced(firing("gcp", "search", 2), Alerts.at(2))).isFalse();
    assertThat(rules.silenced(firing("azure", "checkout", 30, "warning"), Alerts.at(30))).isTrue();
    assertThat(rules.silenced(firing("azure", "checkout", 30, "critical"), Alerts.at(30))).isFalse();
    assertThat(rules.silenced(firing("azure", "checkout", 90, "warning"), Alerts.at(90))).isFalse();
  }
}
