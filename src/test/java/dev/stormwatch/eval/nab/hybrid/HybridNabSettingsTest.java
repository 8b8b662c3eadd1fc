package dev.stormwatch.eval.nab.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The NAB hybrid settings: their baseline, when it has a daily profile, their validation. */
class HybridNabSettingsTest {
  private static final long FIVE_MIN = 300_000L;
  private static final long HOUR = 3_600_000L;

  @Test
  void defaultsConfigureASlowBaselineWithAnHourOfDayProfile() {
    HybridNabSettings defaults = HybridNabSettings.defaults();
    assertThat(defaults.baselineConfig(FIVE_MIN, true).ewmaAlpha).isEqualTo(0.005);
    assertThat(defaults.baselineConfig(FIVE_MIN, true).hourOfDay).isTrue();
    assertThat(defaults.baselineConfig(FIVE_MIN, true).hourMatureSamples).isEqualTo(24);
    assertThat(defaults.baselineConfig(FIVE_MIN, true).stepMillis).isEqualTo(FIVE_MIN);
    assertThat(defaults.baselineConfig(FIVE_MIN, true).windowSteps).isEqualTo(10);
  }

  @Test
  void theHourOfDayProfileNeedsARepeatingDayOrTooLittleHistoryToTell() {
    HybridNabSettings defaults = HybridNabSettings.defaults();
    assertThat(defaults.hourProfile(0.97)).isTrue();
    assertThat(defaults.hourProfile(0.7)).isTrue();
    assertThat(defaults.hourProfile(0.69)).isFalse();
    assertThat(defaults.hourProfile(-0.3)).isFalse();
    assertThat(defaults.hourProfile(Double.NaN)).isTrue();
    assertThat(defaults.baselineConfig(FIVE_MIN, false).hourOfDay).isFalse();
    assertThat(defaults.baselineConfig(FIVE_MIN, false).ewmaAlpha).isEqualTo(0.005);
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

  @Test
  void onlyTheCompressedVariantTrainsOnCompressedDeviations() {
    assertThat(HybridNabSettings.defaults().trainingOptions().compressAbove()).isZero();
    assertThat(HybridNabSettings.defaults().withCompressAbove(3).trainingOptions().compressAbove())
        .isEqualTo(3.0);
    assertThatThrownBy(() -> HybridNabSettings.defaults().withCompressAbove(8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyTheOffsetsVariantTrainsOnWholeWindowOffsets() {
    assertThat(HybridNabSettings.defaults().trainingOptions().offsetFraction()).isZero();
    assertThat(new HybridNabPlugins.Offsets().name()).isEqualTo("hybrid-offsets");
    assertThat(HybridNabSettings.defaults().withOffsetFraction(0.25).trainingOptions()
        .offsetFraction()).isEqualTo(0.25);
    assertThat(dev.stormwatch.eval.nab.NabDetectors.isRegistered(HybridNabPlugins.Offsets.NAME))
        .isTrue();
    assertThatThrownBy(() -> HybridNabSettings.defaults().withOffsetFraction(1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theAblationVariantsTrainTheirArchitectureAndAreRegistered() {
    assertThat(HybridNabSettings.defaults().trainingOptions().architecture())
        .isEqualTo(dev.stormwatch.model.Architecture.FULL);
    var logistic = dev.stormwatch.model.Architecture.parse("logistic");
    assertThat(HybridNabSettings.defaults().withArchitecture(logistic).trainingOptions().architecture())
        .isEqualTo(logistic);
    assertThat(HybridNabSettings.defaults().withArchitecture(logistic).withoutRetraining().architecture())
        .isEqualTo(logistic);
    assertThatThrownBy(() -> HybridNabSettings.defaults().withArchitecture(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(java.util.ServiceLoader.load(dev.stormwatch.eval.nab.NabDetectorPlugin.class).stream()
        .map(p -> p.get().name()).toList()).contains("hybrid-logistic", "hybrid-cnn-only");
  }

  @Test
  void refusesACorrelationOutsideMinusOneToOne() {
    assertThatThrownBy(() -> withDefaultsBut(2, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  private static HybridNabSettings withHourBucketDays(double days) {
    return withDefaultsBut(days, HybridNabSettings.defaults().minDailyCorrelation());
  }

  /** The defaults with another hour-bucket maturity and daily-cycle threshold. */
  private static HybridNabSettings withDefaultsBut(double hourBucketDays, double minCorrelation) {
    HybridNabSettings d = HybridNabSettings.defaults();
    return new HybridNabSettings(d.windowSteps(), d.maturitySamples(), hourBucketDays,
        d.ewmaAlpha(), d.epochs(), d.batchSize(), d.learningRate(), d.injectFraction(),
        d.benignFraction(), d.holdoutFraction(), d.seed(), d.onsetMemorySteps(),
        d.retrainEveryRows(), d.retrainWindows(), minCorrelation, d.compressAbove(), d.architecture(),
        d.offsetFraction());
  }
}
