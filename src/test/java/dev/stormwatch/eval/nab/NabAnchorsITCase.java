package dev.stormwatch.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** NAB's anchors on the shared NAB data: null 0, perfect 100, random near the published 16.8. */
class NabAnchorsITCase {
  private static final Path NAB = Path.of("../shared/datasets/nab");
  private static List<NabSeries> corpus;
  private static NabLabels labels;
  private static List<CostProfile> profiles;

  @BeforeAll
  static void load() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(NAB.resolve("data")), "shared NAB data not present");
    labels = NabLabels.load(NAB.resolve("labels/combined_windows.json"));
    profiles = NabProfiles.resolve(null, NAB.resolve("labels/combined_windows.json"));
    corpus =
        NabCsv.readDataDir(NAB.resolve("data")).stream()
            .filter(s -> labels.has(s.relativePath()))
            .toList();
  }

  private static NabEvaluation.Result evaluate(String detector) throws Exception {
    return NabEvaluation.evaluate(NabRun.execute(detector, corpus, labels, null).files(), profiles);
  }

  @Test
  void corpusIsTheSharedNabSubset() {
    assertThat(profiles)
        .extracting(CostProfile::name)
        .containsExactlyInAnyOrder("standard", "reward_low_FP_rate", "reward_low_FN_rate");
    assertThat(corpus).hasSizeGreaterThan(40);
    assertThat(corpus.stream().mapToInt(NabSeries::size).sum()).isGreaterThan(250_000);
  }

  @Test
  void nullDetectorScoresZero() throws Exception {
    for (ProfileScore row : evaluate("null").overall().values()) {
      assertThat(row.normalized()).as(row.profile()).isCloseTo(0.0, within(1e-9));
    }
  }

  @Test
  void perfectDetectorScoresHundredOverallAndPerCategory() throws Exception {
    NabEvaluation.Result result = evaluate("perfect");
    for (ProfileScore row : result.overall().values()) {
      assertThat(row.normalized()).as(row.profile()).isCloseTo(100.0, within(1e-9));
      assertThat(row.fp()).isZero();
    }
    result
        .categories()
        .forEach(
            (category, rows) ->
                rows.values().stream()
                    .filter(row -> row.perfectScore() > 0)
                    .forEach(
                        row ->
                            assertThat(row.normalized())
                                .as(category)
                                .isCloseTo(100.0, within(1e-9))));
  }

  @Test
  void randomDetectorIsInLineWithThePublishedRandomRow() throws Exception {
    NabEvaluation.Result result = evaluate("random");
    // published with realKnownCause: standard 16.8, low FP 5.8, low FN 25.9
    assertThat(result.overall().get("standard").normalized()).isBetween(12.0, 22.0);
    assertThat(result.overall().get("reward_low_FP_rate").normalized()).isBetween(2.0, 12.0);
    assertThat(result.overall().get("reward_low_FN_rate").normalized()).isBetween(20.0, 32.0);
  }
}
