package dev.stormwatch.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabDetectorsTest {
  private static final SeriesContext FILE =
      new SeriesContext("cat/f.csv", 100, List.of(new LabelWindow(50_000, 52_000)));

  @Test
  void builtInsAndServiceLoadedPluginsAreRegistered() {
    assertThat(NabDetectors.names())
        .contains("null", "perfect", "random", "rcf", "rcf-nab", "rcf-grade", "test-plugin");
    assertThat(NabDetectors.create("test-plugin", FILE).next(0, 1)).isEqualTo(0.25);
    assertThat(NabDetectors.create("null", FILE).next(0, 1)).isEqualTo(0.5);
  }

  @Test
  void everyFileGetsAFreshScorer() {
    StreamingScorer first = NabDetectors.create("random", FILE);
    StreamingScorer second = NabDetectors.create("random", FILE);
    assertThat(first.next(0, 1)).isEqualTo(second.next(0, 1)).isEqualTo(0.6394267984578837);
  }

  @Test
  void perfectFiresOnceAtTheFirstScorableRowOfEachWindow() {
    StreamingScorer perfect = NabDetectors.create("perfect", FILE);
    double[] scores = new double[100];
    for (int i = 0; i < 100; i++) {
      scores[i] = perfect.next(i * 1000L, 0);
    }
    assertThat(scores[50]).isEqualTo(1.0);
    assertThat(java.util.Arrays.stream(scores).sum()).isEqualTo(1.0);
  }

  @Test
  void unknownNamesFailListingTheAvailableOnes() {
    assertThatThrownBy(() -> NabDetectors.create("nope", FILE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown NAB detector 'nope'")
        .hasMessageContaining("null, perfect, random");
    assertThatThrownBy(() -> NabDetectors.register("a,b", NullScorer::new))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLikelihoodSuffixWrapsAnyRegisteredDetector() {
    assertThat(NabDetectors.isRegistered("random" + LikelihoodScorer.SUFFIX)).isTrue();
    assertThat(NabDetectors.isRegistered("nope" + LikelihoodScorer.SUFFIX)).isFalse();
    StreamingScorer wrapped = NabDetectors.create("random" + LikelihoodScorer.SUFFIX, FILE);
    int probation = NabScorer.probationaryLength(FILE.rows());
    for (int i = 0; i < probation; i++) {
      assertThat(wrapped.next(i * 1000L, 0)).isZero();
    }
    assertThatThrownBy(() -> NabDetectors.create("nope" + LikelihoodScorer.SUFFIX, FILE))
        .hasMessageContaining("NAME+likelihood");
  }

  @Test
  void wrapperSuffixesCombineAndAnUnknownNameSaysWhichExist() {
    assertThat(NabDetectors.isRegistered("random" + PeakScorer.SUFFIX)).isTrue();
    assertThat(NabDetectors.isRegistered("random" + LikelihoodScorer.SUFFIX + PeakScorer.SUFFIX)).isTrue();
    assertThat(NabDetectors.create("null" + PeakScorer.SUFFIX, FILE)).isInstanceOf(PeakScorer.class);
    assertThat(NabDetectors.create("null" + LikelihoodScorer.SUFFIX + PeakScorer.SUFFIX, FILE))
        .isInstanceOf(PeakScorer.class);
    assertThatThrownBy(() -> NabDetectors.create("nope" + PeakScorer.SUFFIX, FILE))
        .hasMessageContaining("unknown NAB detector 'nope'")
        .hasMessageContaining("NAME+peaks");
  }

  @Test
  void aFamilyNameCarriesItsSettingsAndABadSpecSaysWhatIsWrong() {
    assertThat(NabDetectors.isRegistered("novelty:w=1_2:v=0.9")).isTrue();
    assertThat(NabDetectors.isRegistered("novelty:w=1:v=0.9+onset")).isTrue();
    assertThat(NabDetectors.isRegistered("novelty:x=1")).isFalse();
    assertThat(NabDetectors.isRegistered("nope:w=1")).isFalse();
    StreamingScorer one = NabDetectors.create("novelty:w=1:v=0.9", FILE);
    StreamingScorer defaults = NabDetectors.create("novelty", FILE);
    double a = 0;
    double b = 0;
    for (int i = 0; i < 100; i++) {
      double value = i == 60 ? 50 : i % 5;
      a = one.next(i * 1000L, value);
      b = defaults.next(i * 1000L, value);
      if (i == 60) {
        assertThat(a).as("one learner of window 1: the jump's whole novelty").isGreaterThan(b);
      }
    }
    assertThatThrownBy(() -> NabDetectors.create("novelty:x=1", FILE))
        .hasMessageContaining("unknown novelty setting 'x'")
        .hasMessageContaining("novelty:SPEC");
  }
}
