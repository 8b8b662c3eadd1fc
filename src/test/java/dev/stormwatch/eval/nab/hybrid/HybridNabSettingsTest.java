package dev.stormwatch.eval.nab.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The NAB hybrid settings: the baseline they configure and their validation. */
class HybridNabSettingsTest {
  private static final long FIVE_MIN = 300_000L;
  private static final long HOUR = 3_600_000L;

  @Test
  void defaultsConfigureASlowBaselineWithAnHourOfDayProfile() {
    HybridNabSettings defaults = HybridNabSettings.defaults();
    assertThat(defaults.baselineConfig(FIVE_MIN).ewmaAlpha).isEqualTo(0.005);
    assertThat(defaults.baselineConfig(FIVE_MIN).hourMatureSamples).isEqualTo(24);
    assertThat(defaults.baselineConfig(FIVE_MIN).stepMillis).isEqualTo(FIVE_MIN);
    assertThat(defaults.baselineConfig(FIVE_MIN).windowSteps).isEqualTo(10);
  }

  @Test
  void anHourBucketMaturesAfterTheSamplesOfItsDaysClampedTo2To30() {
    HybridNabSettings twoDays = withHourBucketDays(2);
    assertThat(twoDays.hourMatureSamples(FIVE_MIN)).isEqualTo(24);
    assertThat(twoDays.hourMatureSamples(HOUR)).isEqualTo(2);
    assertThat(withHourBucketDays(10).hourMatureSamples(FIVE_MIN)).isEqualTo(30);
  }

  @Test
  void refusesNoHourBucketDays() {
    assertThatThrownBy(() -> withHourBucketDays(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static HybridNabSettings withHourBucketDays(double days) {
    HybridNabSettings d = HybridNabSettings.defaults();
    return new HybridNabSettings(d.windowSteps(), d.maturitySamples(), days, d.ewmaAlpha(),
        d.epochs(), d.batchSize(), d.learningRate(), d.injectFraction(), d.benignFraction(),
        d.holdoutFraction(), d.seed(), d.onsetMemorySteps(), d.retrainEveryRows(),
        d.retrainWindows());
  }
}
