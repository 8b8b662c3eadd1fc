package dev.stormwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early warnings: raised from the early score alone, superseded by a page, cleared when calm. */
class EarlyWarningPolicyTest {
  private static final long MIN = 60_000L;
  private static final long DAY = 1440 * MIN;

  private final AlertPolicy pages = new AlertPolicy(0.7, 2, 0.5, 2);
  private final EarlyWarningPolicy warnings = new EarlyWarningPolicy(0.9, 2, 0.5, 3, 0);

  private static DetectionResult window(long minute, double score, double early) {
    DetectionResult r = new DetectionResult();
    r.live = true;
    r.provider = "aws";
    r.service = "payments";
    r.windowEnd = minute * MIN;
    r.score = score;
    r.earlyScore = early;
    r.modelVersion = "hybrid-v3+baseline-1";
    r.reason = "hybrid-v3 0.97, baseline-1 0.20 (the smaller counts)";
    return r;
  }

  /** Runs windows (score, early score) from minute 1 and returns the statuses of all events. */
  private List<String> run(AlertState s, double[][] windows, List<AlertEvent> events) {
    List<String> statuses = new ArrayList<>();
    for (int i = 0; i < windows.length; i++) {
      DetectionResult r = window(i + 1, windows[i][0], windows[i][1]);
      AlertEvent page = pages.advance(s, r);
      AlertEvent warning = warnings.advance(s, r, null, DAY);
      for (AlertEvent e : new AlertEvent[] {warning, page}) {
        if (e != null) {
          statuses.add((i + 1) + ":" + e.status());
          events.add(e);
        }
      }
    }
    return statuses;
  }

  @Test
  void warnsBeforeThePageAndThePageSupersedesTheWarning() {
    AlertState s = new AlertState();
    List<AlertEvent> events = new ArrayList<>();
    List<String> statuses = run(s, new double[][] {
        {0.1, 0.95}, {0.2, 0.97}, {0.3, 0.98}, {0.8, 0.99}, {0.9, 0.99}, {0.1, 0.99}, {0.1, 0.99},
        {0.1, 0.1}, {0.1, 0.1}}, events);
    assertThat(statuses).containsExactly("2:early_warning", "5:firing", "7:resolved");
    AlertEvent warning = events.get(0);
    assertThat(warning.severity()).isEqualTo("info");
    assertThat(warning.score()).isEqualTo(0.97);
    assertThat(warning.summary()).startsWith("Early warning on aws/payments: the model scores 0.97,"
        + " not yet confirmed (no page)");
    assertThat(warning.dedupKey()).isEqualTo(events.get(1).dedupKey());
    assertThat(warning.alertId()).isNotEqualTo(events.get(1).alertId());
    // the early score still high after the resolve does not warn again until it has calmed once
    assertThat(s.warning).isFalse();
    assertThat(s.isIdle()).isTrue();
  }

  @Test
  void aWarningThatCalmsDownIsClearedAndTheKeyMustCalmBeforeWarningAgain() {
    AlertState s = new AlertState();
    List<String> statuses = run(s, new double[][] {
        {0.1, 0.95}, {0.1, 0.95}, {0.1, 0.4}, {0.1, 0.95}, {0.1, 0.4}, {0.1, 0.4}, {0.1, 0.4},
        {0.1, 0.95}, {0.1, 0.95}}, new ArrayList<>());
    // the 0.95 at minute 4 interrupts the calm run, so the clear comes at minute 7; minutes 8-9
    // would warn again but the key is disarmed until a calm window
    assertThat(statuses).containsExactly("2:early_warning", "7:early_warning_cleared");
    assertThat(s.warnDisarmed).isTrue();
    statuses = run(new AlertState(), new double[][] {{0.1, 0.95}, {0.1, 0.95}}, new ArrayList<>());
    assertThat(statuses).containsExactly("2:early_warning");
  }

  @Test
  void detectorsWithoutAnEarlyScoreAndTheDisabledPolicyNeverWarn() {
    AlertState s = new AlertState();
    List<String> statuses = run(s, new double[][] {
        {0.1, Double.NaN}, {0.1, Double.NaN}, {0.1, Double.NaN}}, new ArrayList<>());
    assertThat(statuses).isEmpty();
    assertThat(s.isIdle()).isTrue();
    AlertState t = new AlertState();
    for (int m = 1; m <= 5; m++) {
      assertThat(EarlyWarningPolicy.off().advance(t, window(m, 0.1, 0.99), null, DAY)).isNull();
    }
    assertThat(t.isIdle()).isTrue();
  }

  @Test
  void refusesInconsistentSettings() {
    assertThatThrownBy(() -> new EarlyWarningPolicy(0.5, 2, 0.6, 3, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clear threshold");
    assertThatThrownBy(() -> new EarlyWarningPolicy(0.9, 0, 0.5, 3, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raise-after");
  }

  @Test
  void aYoungKeyDoesNotWarnUntilItHasBeenWatchedLongEnough() {
    EarlyWarningPolicy policy = new EarlyWarningPolicy(0.9, 2, 0.5, 3, DAY);
    AlertState s = new AlertState();
    assertThat(policy.advance(s, window(1, 0.1, 0.99), null, DAY - 2 * MIN)).isNull();
    assertThat(policy.advance(s, window(2, 0.1, 0.99), null, DAY - MIN)).isNull();
    assertThat(s.warnAbove).as("windows before the key is a day old do not count").isZero();
    assertThat(policy.advance(s, window(3, 0.1, 0.99), null, DAY)).isNull();
    assertThat(policy.advance(s, window(4, 0.1, 0.99), null, DAY + MIN).status())
        .isEqualTo(AlertEvent.EARLY_WARNING);
  }
}
