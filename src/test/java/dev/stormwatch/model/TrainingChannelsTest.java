package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.window.WindowAssembly;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The model's channels: the most frequent metrics by default, or the ones named by the user. */
class TrainingChannelsTest {
  private static final TrainingOptions OPTIONS =
      new TrainingOptions("v1", 11, 1, 32, 3e-3, 8, 0.2, 0.5, 8.0, 30);
  private static final List<WindowAssembly> WINDOWS = SyntheticWindows.calm(2, 60, 3);

  @Test
  void byDefaultTheMostFrequentMetricsUpToTheVocabularySizeAndTheRestAreReported() {
    TrainingSet all = TrainingSet.build(WINDOWS, List.of(), OPTIONS, new Random(1));
    assertThat(all.schema.metrics()).containsExactly("cpu_util", "error_rate", "latency_p99_ms");
    assertThat(all.unusedMetrics).isEmpty();

    TrainingSet two = TrainingSet.build(WINDOWS, List.of(), OPTIONS.withVocabularySize(2),
        new Random(1));
    assertThat(two.schema.metrics()).containsExactly("cpu_util", "error_rate");
    assertThat(two.unusedMetrics).containsExactly("latency_p99_ms");
  }

  @Test
  void namedChannelsAreUsedInTheirOrderAndAnUnknownNameIsRefused() {
    TrainingSet named = TrainingSet.build(WINDOWS, List.of(),
        OPTIONS.withChannels(List.of("latency_p99_ms", "cpu_util")), new Random(1));
    assertThat(named.schema.metrics()).containsExactly("latency_p99_ms", "cpu_util");
    assertThat(named.unusedMetrics).containsExactly("error_rate");
    assertThat(named.train.get(0).features()).hasSize(named.schema.size());
    assertThat(named.schema.size()).isLessThan(
        TrainingSet.build(WINDOWS, List.of(), OPTIONS, new Random(1)).schema.size());

    assertThatThrownBy(() -> TrainingSet.build(WINDOWS, List.of(),
        OPTIONS.withChannels(List.of("cpu_util", "disk_used_pct")), new Random(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channel disk_used_pct is not in the training data")
        .hasMessageContaining("[cpu_util, error_rate, latency_p99_ms]");
    assertThatThrownBy(() -> OPTIONS.withChannels(List.of("cpu_util", "cpu_util")))
        .hasMessageContaining("named twice");
  }

  @Test
  void theCommandLineTakesACountOrANameList() {
    assertThat(TrainCommand.withChannels(OPTIONS, "12").vocabularySize()).isEqualTo(12);
    assertThat(TrainCommand.withChannels(OPTIONS, "12").channels()).isEmpty();
    assertThat(TrainCommand.withChannels(OPTIONS, "cpu_util, latency_p99_ms").channels())
        .containsExactly("cpu_util", "latency_p99_ms");
    assertThatThrownBy(() -> TrainCommand.withChannels(OPTIONS, "0"))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> TrainCommand.withChannels(OPTIONS, "cpu_util,,x"))
        .hasMessageContaining("empty name");
  }
}
