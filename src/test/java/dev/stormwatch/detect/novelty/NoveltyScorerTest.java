package dev.stormwatch.detect.novelty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The novelty ensemble over a stream: silent learning, novel values, known patterns, bad input. */
class NoveltyScorerTest {

  /** A daily-looking cycle of 24 values between 10 and 33. */
  private static double cycle(int i) {
    return 10 + (i % 24);
  }

  @Test
  void learnsSilentlyThenScoresAValueNeverSeenHigh() {
    NoveltyScorer scorer = new NoveltyScorer(NoveltySettings.defaults(), 240);
    for (int i = 0; i < 240; i++) {
      assertThat(scorer.next(cycle(i))).as("row %d is learned", i).isEqualTo(0.0);
    }
    double known = 0.0;
    for (int i = 240; i < 480; i++) {
      known = Math.max(known, scorer.next(cycle(i)));
    }
    assertThat(known)
        .as("the cycle repeats what was learned: at most its categories' own sizes")
        .isLessThan(0.1);
    double spike = scorer.next(80);
    assertThat(spike).as("a value far outside the range learned").isGreaterThan(0.3);
  }

  @Test
  void aKnownValueOutOfOrderIsNovelToTheLongerWindowsOnly() {
    NoveltyScorer scorer = new NoveltyScorer(NoveltySettings.defaults(), 0);
    for (int i = 0; i < 480; i++) {
      scorer.next(cycle(i));
    }
    double inOrder = scorer.next(cycle(480));
    scorer.next(cycle(481));
    double outOfOrder = scorer.next(cycle(494));
    assertThat(outOfOrder)
        .as("every value is known, the jump between them is not")
        .isGreaterThan(inOrder + 0.05)
        .isLessThan(0.5);
  }

  @Test
  void aConstantSeriesScoresNothingUntilItMoves() {
    NoveltyScorer scorer = new NoveltyScorer(NoveltySettings.defaults(), 5);
    for (int i = 0; i < 100; i++) {
      assertThat(scorer.next(1000.0)).isEqualTo(0.0);
    }
    assertThat(scorer.next(1001.0))
        .as("the whole range for the four learners of one value, a third of it for windows of 3")
        .isCloseTo(7.0 / 9.0, within(1e-12));
  }

  @Test
  void robustLearnersStillSeeAChangeAfterEarlySpikes() {
    NoveltyScorer fullRangeOnly = new NoveltyScorer(NoveltySettings.parse("rw=none"), 500);
    NoveltyScorer withRobust = new NoveltyScorer(NoveltySettings.defaults(), 500);
    for (int i = 0; i < 1_500; i++) {
      double value = i % 700 == 40 ? 100.0 : (i % 10) / 10.0;
      fullRangeOnly.next(value);
      withRobust.next(value);
    }
    double shiftFull = fullRangeOnly.next(3.0);
    double shiftRobust = withRobust.next(3.0);
    assertThat(shiftFull).as("3 is small beside the spikes' range of 100").isLessThan(0.05);
    assertThat(shiftRobust).as("but far outside the usual 0-0.9").isGreaterThan(0.3);
  }

  @Test
  void aMovingMeanLearnerSeesARunOfAKnownValueThatMovesTheMean() {
    NoveltyScorer valuesOnly = new NoveltyScorer(NoveltySettings.parse("w=1:v=0.9:rw=none"), 0);
    NoveltyScorer withMean = new NoveltyScorer(NoveltySettings.parse("w=1:v=0.9:rw=none:m=8"), 0);
    for (int i = 0; i < 500; i++) {
      valuesOnly.next(i % 2 == 0 ? 0.0 : 10.0);
      withMean.next(i % 2 == 0 ? 0.0 : 10.0);
    }
    assertThat(valuesOnly.next(10.0)).as("alternation broken, but 10 is known").isEqualTo(0.0);
    assertThat(withMean.next(10.0))
        .as("the mean, 5 since its first rows (0 to 5), moves to 5.625, never seen")
        .isGreaterThan(0.05);
  }

  @Test
  void oneLearnerPerWindowLengthAndVigilance() {
    NoveltyScorer scorer =
        new NoveltyScorer(new NoveltySettings(List.of(1, 3), List.of(0.5, 0.99), 0.1, 100), 0);
    for (int i = 0; i < 48; i++) {
      scorer.next(cycle(i));
    }
    List<Integer> counts = scorer.categoryCounts();
    assertThat(counts).hasSize(4);
    assertThat(new NoveltyScorer(NoveltySettings.defaults(), 0).categoryCounts())
        .as("and the robust learners of one value at both vigilances")
        .hasSize(6);
    assertThat(counts.get(1)).as("window 1, vigilance 0.99").isGreaterThan(counts.get(0));
  }

  @Test
  void aSpecReplacesOnlyTheSettingsItNames() {
    NoveltySettings settings = NoveltySettings.parse("w=1_2:lr=0.2");
    assertThat(settings.windowLengths()).containsExactly(1, 2);
    assertThat(settings.learningRate()).isEqualTo(0.2);
    assertThat(settings.vigilances()).isEqualTo(NoveltySettings.defaults().vigilances());
    assertThat(NoveltySettings.parse("")).isEqualTo(NoveltySettings.defaults());
    assertThat(NoveltySettings.parse("rw=none").robustWindowLengths()).isEmpty();
    NoveltySettings robust = NoveltySettings.parse("rw=1_4:q=0.01");
    assertThat(robust.robustWindowLengths()).containsExactly(1, 4);
    assertThat(robust.tail()).isEqualTo(0.01);
    assertThat(robust.longestWindow()).isEqualTo(4);
    NoveltySettings means = NoveltySettings.parse("m=4_16:mv=0.85");
    assertThat(means.meanLengths()).containsExactly(4, 16);
    assertThat(means.meanVigilances()).containsExactly(0.85);
    assertThat(means.longestWindow()).isEqualTo(16);
    assertThat(NoveltySettings.defaults().meanLengths()).isEmpty();
    assertThat(NoveltySettings.parse("m=8:m=none").meanLengths()).isEmpty();
    assertThatThrownBy(() -> NoveltySettings.parse("m=0")).hasMessageContaining("window lengths");
    assertThatThrownBy(() -> NoveltySettings.parse("mv=1")).hasMessageContaining("vigilances");
    assertThatThrownBy(() -> NoveltySettings.parse("q=0.5")).hasMessageContaining("tail");
    assertThatThrownBy(() -> NoveltySettings.parse("rw=0")).hasMessageContaining("window lengths");
    assertThatThrownBy(() -> NoveltySettings.parse("w=1:x=2")).hasMessageContaining("unknown");
    assertThatThrownBy(() -> NoveltySettings.parse("v=high")).hasMessageContaining("number");
    assertThatThrownBy(() -> NoveltySettings.parse("w")).hasMessageContaining("NAME=VALUE");
    assertThatThrownBy(() -> NoveltySettings.parse("v=1.5")).hasMessageContaining("vigilances");
  }

  @Test
  void refusesNonFiniteValuesAndBadSettings() {
    NoveltyScorer scorer = new NoveltyScorer(NoveltySettings.defaults(), 0);
    assertThatThrownBy(() -> scorer.next(Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(() -> new NoveltyScorer(NoveltySettings.defaults(), -1))
        .hasMessageContaining("learn rows");
    assertThatThrownBy(() -> new NoveltySettings(List.of(), List.of(0.9), 0.1, 10))
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> new NoveltySettings(List.of(0), List.of(0.9), 0.1, 10))
        .hasMessageContaining("window lengths");
    assertThatThrownBy(() -> new NoveltySettings(List.of(1), List.of(1.5), 0.1, 10))
        .hasMessageContaining("vigilances");
  }
}
