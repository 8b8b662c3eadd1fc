package dev.stormwatch.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The new-high rule of {@code NAME+peaks}: a score counts only above the previous day's maximum. */
class PeakScorerTest {
  private static final long HOUR = 3_600_000L;

  /** Feeds {@code scores} one an hour through a peak scorer over the "value" (the inner score). */
  private static List<Double> peaks(Duration horizon, double... scores) {
    PeakScorer peaks = new PeakScorer((t, v) -> v, horizon);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      out.add(peaks.next(i * HOUR, scores[i]));
    }
    return out;
  }

  @Test
  void aLastingHighScoreCountsOnlyAtItsStartAndWhereItRisesFurther() {
    assertThat(peaks(Duration.ofHours(24), 0.1, 0.9, 0.9, 0.95, 0.8, 0.2))
        .containsExactly(0.1, 0.9, 0.0, 0.95, 0.0, 0.0);
  }

  @Test
  void aHighIsForgottenOnceItIsOlderThanTheHorizon() {
    assertThat(peaks(Duration.ofHours(3), 0.9, 0.1, 0.1, 0.1, 0.5, 0.4))
        .as("at hour 4 the 0.9 of hour 0 is more than 3 h old")
        .containsExactly(0.9, 0.0, 0.0, 0.0, 0.5, 0.0);
    assertThat(peaks(Duration.ofHours(3), 0.9, 0.1, 0.1, 0.5))
        .as("at hour 3 it is exactly 3 h old and still counts")
        .containsExactly(0.9, 0.0, 0.0, 0.0);
  }

  @Test
  void theMaximumSurvivesSmallerScoresThatComeAfterIt() {
    assertThat(peaks(Duration.ofHours(5), 0.3, 0.8, 0.5, 0.6, 0.7, 0.75, 0.7))
        .as("0.8 (hour 1) bounds hours 2-6; 0.75 is no new high")
        .containsExactly(0.3, 0.8, 0.0, 0.0, 0.0, 0.0, 0.0);
    assertThat(peaks(Duration.ofHours(2), 0.3, 0.8, 0.5, 0.6, 0.55, 0.7))
        .as("once 0.8 has aged out, 0.6 is the bound")
        .containsExactly(0.3, 0.8, 0.0, 0.0, 0.0, 0.7);
  }

  @Test
  void zeroScoresStayZeroAndTheHorizonMustBePositive() {
    assertThat(peaks(Duration.ofHours(1), 0, 0, 0)).containsExactly(0.0, 0.0, 0.0);
    assertThatThrownBy(() -> new PeakScorer((t, v) -> v, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon");
  }
}
