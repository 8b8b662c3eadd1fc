package dev.stormwatch.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {
  private static final long MINUTE = 60_000L;
  private static final CostProfile STANDARD = CostProfile.standard();

  /** 20 rows one minute apart (probationary rows 0-2) with one window over rows 10..13. */
  private static ScoredFile file(double... scoresByRow) {
    long[] times = new long[20];
    double[] scores = new double[20];
    for (int i = 0; i < 20; i++) {
      times[i] = i * MINUTE;
    }
    for (int i = 0; i + 1 < scoresByRow.length; i += 2) {
      scores[(int) scoresByRow[i]] = scoresByRow[i + 1];
    }
    return new ScoredFile(
        "cat/f.csv", times, scores, List.of(new LabelWindow(10 * MINUTE, 13 * MINUTE)));
  }

  @Test
  void probationaryLengthIsFifteenPercentCappedAt750() {
    assertThat(NabScorer.probationaryLength(20)).isEqualTo(3);
    assertThat(NabScorer.probationaryLength(4032)).isEqualTo(604);
    assertThat(NabScorer.probationaryLength(22695)).isEqualTo(750);
  }

  @Test
  void scaledSigmoidMatchesNabReferencePoints() {
    assertThat(NabScorer.scaledSigmoid(-1.0)).isCloseTo(0.98661, within(1e-5));
    assertThat(NabScorer.scaledSigmoid(-0.5)).isCloseTo(0.84828, within(1e-5));
    assertThat(NabScorer.scaledSigmoid(0.0)).isCloseTo(0.0, within(1e-12));
    assertThat(NabScorer.scaledSigmoid(1.0)).isCloseTo(-0.98661, within(1e-5));
    assertThat(NabScorer.scaledSigmoid(3.5)).isEqualTo(-1.0);
  }

  @Test
  void detectionAtWindowStartEarnsTheFullTpWeight() {
    assertThat(NabScorer.score(file(10, 1.0), STANDARD, 0.5).score()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void detectionAtWindowEndEarnsTheScaledSigmoidOfItsPosition() {
    // position -1/4: (2 sigmoid(1.25) - 1) / (2 sigmoid(5) - 1) = 0.554599 / 0.986614
    assertThat(NabScorer.score(file(13, 1.0), STANDARD, 0.5).score())
        .isCloseTo(0.562124, within(1e-6));
  }

  @Test
  void aWindowCountsOnceWithItsEarliestDetection() {
    ThresholdScore score = NabScorer.score(file(11, 1.0, 12, 1.0, 13, 1.0), STANDARD, 0.5);
    // row 11: position -3/4 -> (2 sigmoid(3.75) - 1) / 0.986614 = 0.954045 / 0.986614
    assertThat(score.score()).isCloseTo(0.966989, within(1e-6));
    assertThat(score.tp()).isEqualTo(3);
  }

  @Test
  void falsePositiveBeforeAnyWindowCostsTheFpWeightAndTheMissedWindowCostsFnWeight() {
    ThresholdScore score = NabScorer.score(file(5, 1.0), STANDARD, 0.5);
    assertThat(score.score()).isCloseTo(-0.11 - 1.0, within(1e-12));
    assertThat(score.fp()).isEqualTo(1);
    assertThat(score.fn()).isEqualTo(4);
  }

  @Test
  void falsePositiveAfterAWindowIsDiscountedByItsDistance() {
    // |13 - 15| / (4 - 1) = 2/3: 0.11 * (2 sigmoid(-10/3) - 1) = 0.11 * -0.931109
    assertThat(NabScorer.score(file(15, 1.0), STANDARD, 0.5).score())
        .isCloseTo(-1.0 - 0.102422, within(1e-6));
  }

  @Test
  void missedWindowCostsTheProfilesFnWeight() {
    assertThat(NabScorer.score(file(), STANDARD, 0.5).score()).isEqualTo(-1.0);
    CostProfile lowFn = NabProfiles.defaults().get(2);
    assertThat(NabScorer.score(file(), lowFn, 0.5).score()).isEqualTo(-2.0);
  }

  @Test
  void probationaryRowsAreIgnored() {
    ThresholdScore score = NabScorer.score(file(1, 1.0, 2, 1.0), STANDARD, 0.5);
    assertThat(score.score()).isEqualTo(-1.0);
    assertThat(score.total()).isEqualTo(17);
  }

  @Test
  void windowInsideTheProbationaryPeriodIsNotScored() {
    long[] times = new long[20];
    for (int i = 0; i < 20; i++) {
      times[i] = i * MINUTE;
    }
    ScoredFile early =
        new ScoredFile("cat/f.csv", times, new double[20], List.of(new LabelWindow(0, 2 * MINUTE)));
    assertThat(NabScorer.score(early, STANDARD, 0.5).score()).isEqualTo(0.0);
  }

  @Test
  void detectionNeedsAScoreAtLeastTheThreshold() {
    assertThat(NabScorer.score(file(10, 0.7), STANDARD, 0.7).score()).isCloseTo(1.0, within(1e-12));
    assertThat(NabScorer.score(file(10, 0.7), STANDARD, 0.70001).score()).isEqualTo(-1.0);
  }

  @Test
  void optimizerSweepsDistinctScoresFromHighestDown() {
    ScoredFile f = file(5, 0.95, 10, 0.9);
    List<ThresholdScore> sweep = ThresholdOptimizer.scoresByThreshold(List.of(f), STANDARD);
    assertThat(sweep).extracting(ThresholdScore::threshold).containsExactly(1.1, 0.95, 0.9, 0.0);
    assertThat(sweep.get(0).score()).isEqualTo(-1.0);
    assertThat(sweep.get(1).score()).isCloseTo(-1.11, within(1e-12));
    assertThat(sweep.get(2).score()).isCloseTo(0.89, within(1e-12));
    ThresholdScore best = ThresholdOptimizer.optimize(List.of(f), STANDARD);
    assertThat(best.threshold()).isEqualTo(0.9);
    assertThat(best.score()).isCloseTo(NabScorer.score(f, STANDARD, 0.9).score(), within(1e-12));
  }

  @Test
  void optimizerScoreEqualsTheSumOfPerFileScoresAtItsThreshold() {
    List<ScoredFile> files = List.of(file(5, 0.3, 11, 0.8, 16, 0.6), file(12, 0.7, 18, 0.9));
    ThresholdScore best = ThresholdOptimizer.optimize(files, STANDARD);
    double sum = 0;
    for (ScoredFile f : files) {
      sum += NabScorer.score(f, STANDARD, best.threshold()).score();
    }
    assertThat(best.score()).isCloseTo(sum, within(1e-12));
    assertThat(best.score())
        .isEqualTo(
            ThresholdOptimizer.scoresByThreshold(files, STANDARD).stream()
                .mapToDouble(ThresholdScore::score)
                .max()
                .orElseThrow());
  }

  @Test
  void normalisationPutsNullAtZeroAndPerfectAtHundred() {
    List<ScoredFile> perfect = List.of(file(10, 1.0));
    NabEvaluation.Result result = NabEvaluation.evaluate(perfect, List.of(STANDARD));
    ProfileScore row = result.overall().get("standard");
    // the null detector (0.5 everywhere) beats "detect nothing" (-1) here: one TP, ten FPs
    double nullAllDetected = NabScorer.score(file().withConstantScore(0.5), STANDARD, 0.5).score();
    assertThat(nullAllDetected).isGreaterThan(-1.0);
    assertThat(row.nullScore()).isEqualTo(nullAllDetected);
    assertThat(row.perfectScore()).isEqualTo(1.0);
    assertThat(row.normalized()).isCloseTo(100.0, within(1e-9));
    assertThat(result.categories().get("cat").get("standard").normalized())
        .isCloseTo(100.0, within(1e-9));
    NabEvaluation.Result nulls =
        NabEvaluation.evaluate(List.of(file().withConstantScore(0.5)), List.of(STANDARD));
    assertThat(nulls.overall().get("standard").normalized()).isCloseTo(0.0, within(1e-9));
    assertThat(ProfileScore.normalize(0.0, -1.0, 1.0)).isEqualTo(50.0);
  }
}
