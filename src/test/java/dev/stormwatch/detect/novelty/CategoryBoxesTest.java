package dev.stormwatch.detect.novelty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * One fuzzy-ART learner: mismatch as the stretched box size, resonance, new categories, the cap,
 * and its saved categories.
 */
class CategoryBoxesTest {

  @Test
  void theFirstWindowIsFullyNovelAndBecomesACategory() {
    CategoryBoxes boxes = new CategoryBoxes(2, 0.9, 0.1, 10);
    assertThat(boxes.observe(new double[] {1, 2}, 10)).isEqualTo(1.0);
    assertThat(boxes.categories()).isEqualTo(1);
    assertThat(boxes.observe(new double[] {1, 2}, 10)).isEqualTo(0.0);
    assertThat(boxes.categories()).isEqualTo(1);
  }

  @Test
  void mismatchIsTheStretchedBoxSizePerValueOverTheRange() {
    CategoryBoxes boxes = new CategoryBoxes(2, 0.5, 0.0, 10);
    boxes.observe(new double[] {0, 0}, 10);
    assertThat(boxes.observe(new double[] {1, 3}, 10))
        .as("(1 + 3) / (2 values * range 10)")
        .isCloseTo(0.2, within(1e-12));
    assertThat(boxes.observe(new double[] {1, 3}, 20))
        .as("the same distance is half as novel in a range twice as wide")
        .isCloseTo(0.1, within(1e-12));
  }

  @Test
  void aResonatingWindowStretchesItsCategoryByTheLearningRate() {
    CategoryBoxes boxes = new CategoryBoxes(1, 0.5, 0.5, 10);
    boxes.observe(new double[] {0}, 10);
    assertThat(boxes.observe(new double[] {4}, 10)).isCloseTo(0.4, within(1e-12));
    assertThat(boxes.categories()).as("0.6 >= vigilance 0.5: it resonates").isEqualTo(1);
    assertThat(boxes.observe(new double[] {2}, 10))
        .as("the box grew half way to 4, [0, 2]")
        .isCloseTo(0.2, within(1e-12));
    assertThat(boxes.observe(new double[] {1}, 10))
        .as("inside a box its own size is the mismatch")
        .isCloseTo(0.2, within(1e-12));
  }

  @Test
  void aWindowBelowTheVigilanceStartsANewCategory() {
    CategoryBoxes boxes = new CategoryBoxes(1, 0.9, 0.1, 10);
    boxes.observe(new double[] {0}, 10);
    assertThat(boxes.observe(new double[] {5}, 10)).isCloseTo(0.5, within(1e-12));
    assertThat(boxes.categories()).isEqualTo(2);
    assertThat(boxes.observe(new double[] {5}, 10)).isEqualTo(0.0);
    assertThat(boxes.observe(new double[] {0.5}, 10))
        .as("the nearest category counts")
        .isCloseTo(0.05, within(1e-12));
  }

  @Test
  void pastTheCapNovelWindowsStillScoreButAreNotLearned() {
    CategoryBoxes boxes = new CategoryBoxes(1, 0.99, 0.0, 2);
    boxes.observe(new double[] {0}, 10);
    boxes.observe(new double[] {5}, 10);
    assertThat(boxes.observe(new double[] {9}, 10)).isCloseTo(0.4, within(1e-12));
    assertThat(boxes.observe(new double[] {9}, 10)).isCloseTo(0.4, within(1e-12));
    assertThat(boxes.categories()).isEqualTo(2);
  }

  @Test
  void categoriesSurviveGrowthAndARoundTripInTheLayoutWrittenValueByValue() throws IOException {
    CategoryBoxes boxes = new CategoryBoxes(2, 0.99, 0.2, 40);
    for (int i = 0; i < 60; i++) {
      boxes.observe(new double[] {i % 37, 2 * (i % 37) + 1}, 100);
    }
    assertThat(boxes.categories()).as("past the first capacity of 16, up to 37 distinct").isEqualTo(37);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boxes.writeCategories(new DataOutputStream(bytes));

    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(in.readInt()).isEqualTo(37);
    for (int c = 0; c < 37; c++) {
      for (int i = 0; i < 2; i++) {
        double low = in.readDouble();
        assertThat(in.readDouble()).as("box %d position %d: lower, then upper", c, i)
            .isGreaterThanOrEqualTo(low);
      }
    }
    assertThat(in.available()).isZero();

    CategoryBoxes restored = new CategoryBoxes(2, 0.99, 0.2, 40);
    restored.readCategories(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (int i = 0; i < 50; i++) {
      double[] window = {i % 41 + 0.5, i % 13};
      assertThat(restored.observe(window, 100)).isEqualTo(boxes.observe(window, 100));
    }
    assertThat(restored.categories()).isEqualTo(boxes.categories()).isEqualTo(40);
  }

  @Test
  void refusesBadSettingsAndInputs() {
    assertThatThrownBy(() -> new CategoryBoxes(0, 0.9, 0.1, 10)).hasMessageContaining("window");
    assertThatThrownBy(() -> new CategoryBoxes(1, 1.0, 0.1, 10)).hasMessageContaining("vigilance");
    assertThatThrownBy(() -> new CategoryBoxes(1, 0.9, -0.1, 10)).hasMessageContaining("learning");
    assertThatThrownBy(() -> new CategoryBoxes(1, 0.9, 0.1, 0)).hasMessageContaining("categories");
    CategoryBoxes boxes = new CategoryBoxes(2, 0.9, 0.1, 10);
    assertThatThrownBy(() -> boxes.observe(new double[] {1}, 1)).hasMessageContaining("2 values");
    assertThatThrownBy(() -> boxes.observe(new double[] {1, 2}, 0)).hasMessageContaining("range");
  }
}
