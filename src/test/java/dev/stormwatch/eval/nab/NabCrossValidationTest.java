package dev.stormwatch.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Leave-one-category-out: each category is scored by what the other categories chose. */
class NabCrossValidationTest {
  private static final long MINUTE = 60_000L;

  /** 100 one-minute rows in {@code category}, labelled 45-55 min, scoring {@code score} at rows. */
  private static ScoredFile file(String category, double score, int... rows) {
    long[] times = new long[100];
    double[] scores = new double[100];
    for (int i = 0; i < 100; i++) {
      times[i] = i * MINUTE;
    }
    for (int row : rows) {
      scores[row] = score;
    }
    return new ScoredFile(category + "/f.csv", times, scores,
        List.of(new LabelWindow(45 * MINUTE, 55 * MINUTE)));
  }

  @Test
  void aDetectorBestOnlyWhereItWasTunedIsChosenThereAndPaysForItOnTheOtherCategory() {
    Map<String, List<ScoredFile>> runs = new LinkedHashMap<>();
    runs.put("steady", List.of(file("a", 0.9, 50), file("b", 0.9, 50)));
    runs.put("tuned", List.of(file("a", 1.0, 45), file("b", 1.0, 80)));

    NabCrossValidation.Result result = NabCrossValidation.evaluate(runs, CostProfile.standard());

    assertThat(result.folds()).extracting(NabCrossValidation.Fold::category)
        .containsExactly("a", "b");
    NabCrossValidation.Fold heldOutA = result.folds().get(0);
    NabCrossValidation.Fold heldOutB = result.folds().get(1);
    assertThat(heldOutA.detector()).as("chosen on b, where only steady detects").isEqualTo("steady");
    assertThat(heldOutA.rawScore()).isPositive();
    assertThat(heldOutB.detector()).as("chosen on a, where tuned detects earlier").isEqualTo("tuned");
    assertThat(heldOutB.rawScore()).as("a miss and a false positive on b").isLessThan(-1.0);
    assertThat(result.rawScore()).isEqualTo(heldOutA.rawScore() + heldOutB.rawScore());

    double steadyInSample =
        ThresholdOptimizer.optimize(runs.get("steady"), CostProfile.standard()).score();
    assertThat(result.rawScore()).as("below either detector chosen on all files")
        .isLessThan(steadyInSample);
    assertThat(result.normalized())
        .isEqualTo(ProfileScore.normalize(result.rawScore(), result.nullScore(), 2.0));
  }

  @Test
  void needsDetectorsAndTwoCategories() {
    assertThatThrownBy(() -> NabCrossValidation.evaluate(Map.of(), CostProfile.standard()))
        .hasMessageContaining("at least one detector");
    Map<String, List<ScoredFile>> one = Map.of("d", List.of(file("a", 1.0, 50)));
    assertThatThrownBy(() -> NabCrossValidation.evaluate(one, CostProfile.standard()))
        .hasMessageContaining("two categories");
  }
}
