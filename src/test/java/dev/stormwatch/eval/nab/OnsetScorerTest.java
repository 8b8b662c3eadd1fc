package dev.stormwatch.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The onset rule of {@code NAME+onset}: a score counts only above the previous few rows' scores. */
class OnsetScorerTest {

  /** Feeds {@code scores} as the "value" (the inner score) through an onset scorer. */
  private static List<Double> onsets(int rows, double... scores) {
    OnsetScorer onset = new OnsetScorer((t, v) -> v, rows);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      out.add(onset.next(i * 60_000L, scores[i]));
    }
    return out;
  }

  @Test
  void aBurstIsReportedAtItsFirstRowAndWhereItRisesFurther() {
    assertThat(onsets(3, 0.1, 0.8, 0.8, 0.9, 0.5, 0.1))
        .containsExactly(0.1, 0.8, 0.0, 0.9, 0.0, 0.0);
  }

  @Test
  void aSecondBurstCountsOnceTheHoldHasPassed() {
    assertThat(onsets(3, 0.9, 0.0, 0.0, 0.0, 0.5))
        .as("row 4 looks back at rows 1-3 only")
        .containsExactly(0.9, 0.0, 0.0, 0.0, 0.5);
    assertThat(onsets(3, 0.9, 0.0, 0.0, 0.5))
        .as("row 3 still sees the 0.9 of row 0")
        .containsExactly(0.9, 0.0, 0.0, 0.0);
  }

  @Test
  void theSuffixWrapsAnyRegisteredDetector() {
    SeriesContext context = new SeriesContext("x/y.csv", 10, List.of());
    assertThat(NabDetectors.isRegistered("random+onset")).isTrue();
    assertThat(NabDetectors.isRegistered("random+onset+peaks")).isTrue();
    assertThat(NabDetectors.create("random+onset", context)).isInstanceOf(OnsetScorer.class);
  }

  @Test
  void refusesAnEmptyHold() {
    assertThatThrownBy(() -> new OnsetScorer((t, v) -> v, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 row");
  }
}
