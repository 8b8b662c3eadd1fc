package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class ScoreLikelihoodTest {
  /** Smoothing denominator with no counts: 20 shape pseudo-counts + 0.5 * 20 bins. */
  private static final double EMPTY = 30;

  @Test
  void bins() {
    assertThat(ScoreLikelihood.bin(0)).isZero();
    assertThat(ScoreLikelihood.bin(-1)).isZero();
    assertThat(ScoreLikelihood.bin(Double.NaN)).isZero();
    assertThat(ScoreLikelihood.bin(0.049)).isZero();
    assertThat(ScoreLikelihood.bin(0.05)).isEqualTo(1);
    assertThat(ScoreLikelihood.bin(0.92)).isEqualTo(18);
    assertThat(ScoreLikelihood.bin(1.0)).isEqualTo(19);
  }

  @Test
  void defaultsPutIncidentMassNearOne() {
    ScoreLikelihood l = new ScoreLikelihood();
    // bin [0.90, 0.95): Beta(5,1) mass 0.95^5 - 0.9^5, Beta(1,5) mass 0.1^5 - 0.05^5
    double incident = (20 * (Math.pow(0.95, 5) - Math.pow(0.9, 5)) + 0.5) / EMPTY;
    double normal = (20 * (Math.pow(0.1, 5) - Math.pow(0.05, 5)) + 0.5) / EMPTY;
    assertThat(l.incidentProbability(0.92)).isCloseTo(incident, within(1e-12));
    assertThat(l.likelihoodRatio(0.92)).isCloseTo(incident / normal, within(1e-9)).isGreaterThan(8);
    // bin [0, 0.05): the other way round, (20 * 0.05^5 + 0.5) / (20 * (1 - 0.95^5) + 0.5) = 0.0995
    assertThat(l.likelihoodRatio(0.01)).isCloseTo(
        (20 * Math.pow(0.05, 5) + 0.5) / (20 * (1 - Math.pow(0.95, 5)) + 0.5), within(1e-12)).isLessThan(0.1);
    double total = 0;
    for (int b = 0; b < ScoreLikelihood.BINS; b++) {
      total += l.incidentProbability((b + 0.5) / ScoreLikelihood.BINS);
    }
    assertThat(total).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void countsByHand() {
    ScoreLikelihood l = ScoreLikelihood.fit(new double[] {0.01, 0.02, 0.03, 0.04, 0.5}, new double[] {0.97, 0.98});
    double shapeNormalBin0 = 1 - Math.pow(0.95, 5);
    assertThat(l.normalProbability(0.0)).isCloseTo((4 + 20 * shapeNormalBin0 + 0.5) / (5 + EMPTY), within(1e-12));
    double shapeIncidentTop = 1 - Math.pow(0.95, 5);
    double shapeNormalTop = Math.pow(0.05, 5);
    assertThat(l.likelihoodRatio(0.99)).isCloseTo(
        ((2 + 20 * shapeIncidentTop + 0.5) / (2 + EMPTY)) / ((20 * shapeNormalTop + 0.5) / (5 + EMPTY)), within(1e-9));
  }

  @Test
  void weightedCountsEqualRepeatedScores() {
    ScoreLikelihood weighted = ScoreLikelihood.fit(new double[] {0.1, 0.2}, null);
    weighted.addNormal(0.7, 3);
    ScoreLikelihood repeated = ScoreLikelihood.fit(new double[] {0.1, 0.2, 0.7, 0.7, 0.7}, null);
    assertThat(weighted.likelihoodRatio(0.7)).isEqualTo(repeated.likelihoodRatio(0.7));
    assertThat(weighted.normalTotal).isEqualTo(5);
  }

  @Test
  void falsePositiveScoresLowerTheRatioOnlyInTheirBin() {
    ScoreLikelihood l = ScoreLikelihood.fit(new double[] {0.05, 0.1, 0.15, 0.2, 0.1, 0.1}, null);
    double at62 = l.likelihoodRatio(0.62);
    double at95 = l.likelihoodRatio(0.95);
    l.addNormal(0.62, 15);
    assertThat(l.likelihoodRatio(0.62)).isLessThan(at62 / 10);
    // the rest of the normal density is diluted by the added mass, so other ratios rise a little
    assertThat(l.likelihoodRatio(0.95)).isGreaterThan(at95);
  }

  @Test
  void adoptsPooledIncidentCounts() {
    ScoreLikelihood pooled = ScoreLikelihood.fit(null, new double[] {0.0, 0.0, 0.9, 0.95, 0.99});
    ScoreLikelihood key = ScoreLikelihood.fit(new double[] {0.1, 0.2}, null);
    key.adoptIncidentCounts(pooled);
    assertThat(key.incidentTotal).isEqualTo(5);
    assertThat(key.normalTotal).isEqualTo(2);
    pooled.addIncident(0.5, 1);
    assertThat(key.incidentTotal).isEqualTo(5);
    assertThat(key.incidentProbability(0.0)).isGreaterThan(new ScoreLikelihood().incidentProbability(0.0));
  }

  @Test
  void isAFlinkPojo() {
    assertThat(TypeInformation.of(ScoreLikelihood.class)).isInstanceOf(PojoTypeInfo.class);
  }
}
