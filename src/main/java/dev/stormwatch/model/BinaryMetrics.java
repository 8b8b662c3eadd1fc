package dev.stormwatch.model;

import java.util.Arrays;
import java.util.Comparator;

/** Ranking and threshold metrics of scores against ±1 labels, and Platt scaling of margins. */
public final class BinaryMetrics {
  private BinaryMetrics() {}

  /** Area under the ROC curve (ties count one half); NaN without both classes. */
  public static double auc(double[] scores, int[] labels) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] > 0) {
          rankSum += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = scores.length - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / (pos * (double) neg);
  }

  /** Precision, recall and F1 of {@code score >= threshold}. */
  public static double[] precisionRecallF1(double[] scores, int[] labels, double threshold) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean predicted = scores[i] >= threshold;
      if (predicted && labels[i] > 0) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (labels[i] > 0) {
        fn++;
      }
    }
    double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new double[] {precision, recall, f1};
  }

  /** Fits p = sigmoid(a * margin + b) to ±1 labels by gradient descent on the log loss. */
  public static double[] plattScaling(double[] margins, int[] labels) {
    double a = 1;
    double b = 0;
    double rate = 0.5;
    for (int iter = 0; iter < 500; iter++) {
      double ga = 0;
      double gb = 0;
      for (int i = 0; i < margins.length; i++) {
        double p = sigmoid(a * margins[i] + b);
        double err = p - (labels[i] > 0 ? 1 : 0);
        ga += err * margins[i];
        gb += err;
      }
      a -= rate * ga / margins.length;
      b -= rate * gb / margins.length;
    }
    return new double[] {a, b};
  }

  public static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
