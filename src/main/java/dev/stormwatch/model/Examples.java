package dev.stormwatch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the trainers share about lists of {@link TrainingSet.Example}s: their labels, a seeded
 * shuffle of their order and the sample a model's scores are calibrated on.
 */
public final class Examples {
  /** Training examples the Platt scaling of a model's scores is fitted on, at most. */
  public static final int CALIBRATION_EXAMPLES = 4000;

  private Examples() {}

  /** The ±1 labels, in order. */
  public static int[] labels(List<TrainingSet.Example> examples) {
    return examples.stream().mapToInt(TrainingSet.Example::label).toArray();
  }

  /** A permutation of {@code 0..n-1} (Fisher-Yates), deterministic given {@code rnd}. */
  public static int[] shuffled(int n, Random rnd) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** At most {@link #CALIBRATION_EXAMPLES} of the training examples, drawn at random. */
  public static List<TrainingSet.Example> calibrationSample(List<TrainingSet.Example> train,
      Random rnd) {
    int[] order = shuffled(train.size(), rnd);
    int n = Math.min(CALIBRATION_EXAMPLES, train.size());
    List<TrainingSet.Example> sample = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sample.add(train.get(order[i]));
    }
    return sample;
  }
}
