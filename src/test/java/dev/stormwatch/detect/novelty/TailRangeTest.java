package dev.stormwatch.detect.novelty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The robust range: exact tail quantiles within capacity, spikes ignored, bounded beyond it. */
class TailRangeTest {

  /** The spread the sorted values give, by the same index rule. */
  private static double bruteSpread(double[] values, int n, double tail) {
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    int last = n - 1;
    return sorted[(int) ((1.0 - tail) * last)] - sorted[(int) (tail * last)];
  }

  @Test
  void matchesTheSortedValuesWhileTheTailsFit() {
    Random random = new Random(5);
    double[] values = new double[5_000];
    TailRange range = new TailRange(0.01, 256);
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian() * 3 + (i % 7);
      range.add(values[i]);
      if (i % 97 == 0 || i == values.length - 1) {
        assertThat(range.spread()).as("after %d values", i + 1)
            .isEqualTo(bruteSpread(values, i + 1, 0.01));
      }
    }
    assertThat(range.count()).isEqualTo(5_000);
  }

  @Test
  void aFewSpikesDoNotSetTheScale() {
    TailRange robust = new TailRange(0.005, 256);
    TailRange full = new TailRange(0.0, 256);
    for (int i = 0; i < 2_000; i++) {
      double value = i % 500 == 7 ? 100.0 : (i % 11) / 10.0;
      robust.add(value);
      full.add(value);
    }
    assertThat(full.spread()).isEqualTo(100.0);
    assertThat(robust.fullSpread()).as("the minimum to maximum, spikes included").isEqualTo(100.0);
    assertThat(robust.spread()).as("4 spikes in 2,000 values lie beyond the 99.5 %% quantile")
        .isEqualTo(1.0);
  }

  @Test
  void fallsBackToTheFullRangeWhenTheTailsMeetAndStaysBoundedPastCapacity() {
    TailRange range = new TailRange(0.005, 4);
    assertThat(range.spread()).isZero();
    assertThat(range.fullSpread()).isZero();
    for (int i = 0; i < 300; i++) {
      range.add(5.0);
    }
    assertThat(range.spread()).as("a constant series").isZero();
    range.add(6.0);
    assertThat(range.spread()).as("quantiles equal, so the minimum to maximum").isEqualTo(1.0);
    for (int i = 0; i < 10_000; i++) {
      range.add(i);
    }
    assertThat(range.spread()).as("the 4th largest minus the 4th smallest").isEqualTo(9_996.0 - 3.0);
  }

  @Test
  void roundTripsThroughBytes() throws IOException {
    TailRange original = new TailRange(0.01, 16);
    Random random = new Random(9);
    for (int i = 0; i < 3_000; i++) {
      original.add(random.nextDouble());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    original.write(new DataOutputStream(bytes));
    TailRange restored = new TailRange(0.01, 16);
    restored.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (int i = 0; i < 100; i++) {
      double value = random.nextDouble() * 2;
      original.add(value);
      restored.add(value);
      assertThat(restored.spread()).isEqualTo(original.spread());
    }
    TailRange smaller = new TailRange(0.01, 8);
    assertThatThrownBy(
            () -> smaller.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("tail size");
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> new TailRange(0.5, 10)).hasMessageContaining("tail");
    assertThatThrownBy(() -> new TailRange(-0.1, 10)).hasMessageContaining("tail");
    assertThatThrownBy(() -> new TailRange(0.01, 0)).hasMessageContaining("capacity");
  }
}
