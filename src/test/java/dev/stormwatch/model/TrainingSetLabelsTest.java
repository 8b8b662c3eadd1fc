package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.eval.Label;
import dev.stormwatch.window.WindowAssembly;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Labelled incidents become positives; labelled benign look-alikes weigh as repeated negatives. */
class TrainingSetLabelsTest {
  private static final TrainingOptions OPTIONS = new TrainingOptions("v1", 11, 1, 32, 3e-3, 8, 0.2, 0.5, 8.0, 30);

  private static Label label(String kind, int fromStep, int toStep) {
    Instant from = Instant.ofEpochMilli(1_000_000_000L + fromStep * SyntheticWindows.STEP);
    return new Label(kind + "-1", "aws", "svc0", kind, from, from,
        Instant.ofEpochMilli(1_000_000_000L + toStep * SyntheticWindows.STEP));
  }

  private static long count(TrainingSet set, int label) {
    return set.train.stream().filter(e -> e.label() == label).count()
        + set.holdout.stream().filter(e -> e.label() == label).count();
  }

  @Test
  void benignLookAlikeWindowsAreRepeatedNegativesAndIncidentWindowsPositives() {
    List<WindowAssembly> windows = SyntheticWindows.calm(2, 120, 3);
    TrainingSet plain = TrainingSet.build(windows, List.of(), OPTIONS, new Random(11));
    TrainingSet labelled = TrainingSet.build(windows, List.of(),
        List.of(label("scheduled_batch", 30, 40)), 4, OPTIONS, null, new Random(11));
    // windows of svc0 that overlap [30, 40]: their end is after step 30 and their start before 40
    assertThat(labelled.labelledBenign).isEqualTo(20);
    assertThat(count(labelled, -1) - count(plain, -1)).as("3 more copies of each").isEqualTo(20 * 3);
    assertThat(count(labelled, 1)).isEqualTo(count(plain, 1));
    TrainingSet incident = TrainingSet.build(windows, List.of(label("cpu_saturation", 80, 90)),
        List.of(label("cpu_saturation", 80, 90)), 4, OPTIONS, null, new Random(11));
    assertThat(incident.labelledPositives).as("an incident label wins over a benign one").isEqualTo(20);
    assertThat(incident.labelledBenign).isZero();
    assertThatThrownBy(() -> TrainingSet.build(windows, List.of(), List.of(), 0, OPTIONS, null, new Random(1)))
        .hasMessageContaining("benign repeat must be >= 1");
  }
}
