package dev.stormwatch.detect.novelty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.window.WindowAssembly;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** A key's novelty memory: per-metric annotations and the byte round trip the keyed state uses. */
class NoveltyMemoryTest {

  /** A one-step window of cpu and latency; NaN leaves a metric out of the step. */
  private static WindowAssembly step(double cpu, double latency) {
    WindowAssembly w = new WindowAssembly();
    w.metricNames = new String[] {"cpu", "latency"};
    w.steps = 1;
    w.values = new double[] {cpu, latency};
    return w;
  }

  @Test
  void annotatesEachMetricAndSkipsMissingValues() {
    NoveltyMemory memory = new NoveltyMemory();
    WindowAssembly first = step(0.5, Double.NaN);
    memory.annotate(first);
    assertThat(first.metricNovelty[0]).isZero();
    assertThat(first.metricNovelty[1]).isNaN();
    assertThat(first.noveltyLearning).isTrue();
    assertThat(memory.metrics()).isEqualTo(1);
  }

  /** A one-step window of the named metrics, all with the same value. */
  private static WindowAssembly stepOf(double value, String... names) {
    WindowAssembly w = new WindowAssembly();
    w.metricNames = names;
    w.steps = 1;
    w.values = new double[names.length];
    java.util.Arrays.fill(w.values, value);
    return w;
  }

  @Test
  void keepsAtMostItsMetricsAndDropsTheOneSeenLeastRecently() {
    NoveltyMemory memory = new NoveltyMemory(3);
    memory.annotate(stepOf(1, "a", "b", "c"));
    memory.annotate(stepOf(1, "a", "c"));
    WindowAssembly churn = stepOf(1, "pod-1", "a");
    memory.annotate(churn);
    assertThat(memory.metricNames()).containsExactly("c", "pod-1", "a");
    assertThat(churn.metricNovelty).containsExactly(0.0, 0.0);
    for (int i = 2; i < 50; i++) {
      memory.annotate(stepOf(1, "pod-" + i, "a"));
    }
    assertThat(memory.metricNames()).containsExactly("pod-48", "pod-49", "a");

    byte[] bytes = memory.toBytes();
    assertThat(NoveltyMemory.fromBytes(bytes, 3).metricNames()).containsExactly("pod-48", "pod-49", "a");
    assertThat(NoveltyMemory.fromBytes(bytes, 2).metricNames())
        .as("a smaller limit after a restore drops the least recent").containsExactly("pod-49", "a");
    assertThatThrownBy(() -> new NoveltyMemory(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRestoredMemoryScoresExactlyAsTheOriginal() {
    NoveltyMemory original = new NoveltyMemory();
    for (int i = 0; i < NoveltyMemory.KEY_LEARN_STEPS + 140; i++) {
      original.annotate(step(0.4 + 0.01 * (i % 5), 80 + (i % 11)));
    }
    NoveltyMemory restored = NoveltyMemory.fromBytes(original.toBytes());
    assertThat(restored.metrics()).isEqualTo(2);
    for (double[] next : new double[][] {{0.42, 85}, {0.9, 85}, {0.42, 300}, {0.42, 84}}) {
      WindowAssembly a = step(next[0], next[1]);
      WindowAssembly b = step(next[0], next[1]);
      original.annotate(a);
      restored.annotate(b);
      assertThat(b.metricNovelty).containsExactly(a.metricNovelty);
      assertThat(b.noveltyLearning).isEqualTo(a.noveltyLearning).isFalse();
    }
    assertThat(NoveltyMemory.fromBytes(null).metrics()).isZero();
  }

  @Test
  void aMetricNewToALearnedKeyLearnsForAnHourNotSix() {
    NoveltyMemory memory = new NoveltyMemory();
    for (int i = 0; i < NoveltyMemory.KEY_LEARN_STEPS; i++) {
      memory.annotate(step(0.4 + 0.01 * (i % 5), Double.NaN));
    }
    for (int i = 0; i < NoveltyMemory.LEARN_STEPS; i++) {
      WindowAssembly w = step(0.42, 80 + (i % 7));
      memory.annotate(w);
      assertThat(w.noveltyLearning).as("the key has learned, and so has cpu").isFalse();
      assertThat(w.metricNovelty[1]).as("latency's step %d", i).isZero();
    }
    WindowAssembly spike = step(0.42, 400);
    memory.annotate(spike);
    assertThat(spike.metricNovelty[1]).as("latency scores after its own hour").isGreaterThan(0.3);
  }

  @Test
  void dropsTheStateOfTheReleaseBeforeRobustLearnersSoTheKeyRelearns() {
    NoveltyMemory dropped = NoveltyMemory.fromBytes(new byte[] {0, 0, 0, 1, 0, 0, 0, 3});
    assertThat(dropped.metrics()).isZero();
    WindowAssembly w = step(0.5, 80);
    dropped.annotate(w);
    assertThat(w.noveltyLearning).isTrue();
  }

  @Test
  void refusesBytesItDidNotWrite() {
    assertThatThrownBy(() -> NoveltyMemory.fromBytes(new byte[] {0, 0, 0, 9}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("format 9");
    byte[] good = new NoveltyMemory().toBytes();
    assertThatThrownBy(() -> NoveltyMemory.fromBytes(java.util.Arrays.copyOf(good, 5)))
        .isInstanceOf(UncheckedIOException.class);
  }
}
