package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the two-LSTM BiLSTM against a plain-Java LSTM reference with the same weights. */
class BiLstmBlockTest {
  private static final int BATCH = 2;
  private static final int TIME = 5;
  private static final int IN = 3;
  private static final int HIDDEN = 4;

  @BeforeAll
  static void engine() {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
  }

  @Test
  void equalsForwardAndReversedReferenceLstms() {
    try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
      manager.getEngine().setRandomSeed(7);
      BiLstmBlock block = new BiLstmBlock(HIDDEN);
      block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, TIME, IN));
      NDArray x = manager.randomNormal(new Shape(BATCH, TIME, IN));
      float[] out = block.forward(new ParameterStore(manager, false), new NDList(x), false)
          .get(0).toFloatArray();
      float[] in = x.toFloatArray();
      double maxDiff = 0;
      for (int b = 0; b < BATCH; b++) {
        double[][] seq = new double[TIME][IN];
        double[][] rev = new double[TIME][IN];
        for (int t = 0; t < TIME; t++) {
          for (int i = 0; i < IN; i++) {
            seq[t][i] = in[(b * TIME + t) * IN + i];
            rev[TIME - 1 - t][i] = seq[t][i];
          }
        }
        double[][] ahead = reference(block.forwardLstm(), seq);
        double[][] back = reference(block.backwardLstm(), rev);
        for (int t = 0; t < TIME; t++) {
          for (int h = 0; h < HIDDEN; h++) {
            int base = (b * TIME + t) * 2 * HIDDEN;
            maxDiff = Math.max(maxDiff, Math.abs(out[base + h] - ahead[t][h]));
            maxDiff = Math.max(maxDiff, Math.abs(out[base + HIDDEN + h] - back[TIME - 1 - t][h]));
          }
        }
      }
      assertThat(maxDiff).isLessThan(1e-6);
    }
  }

  /** PyTorch's LSTM (gates i, f, g, o; zero initial state) in plain Java. */
  private static double[][] reference(LSTM lstm, double[][] seq) {
    float[] wi = weight(lstm, "i2h_WEIGHT");
    float[] wh = weight(lstm, "h2h_WEIGHT");
    float[] bi = weight(lstm, "i2h_BIAS");
    float[] bh = weight(lstm, "h2h_BIAS");
    double[] h = new double[HIDDEN];
    double[] c = new double[HIDDEN];
    double[][] out = new double[seq.length][];
    for (int t = 0; t < seq.length; t++) {
      double[] gates = new double[4 * HIDDEN];
      for (int g = 0; g < 4 * HIDDEN; g++) {
        double s = bi[g] + bh[g];
        for (int i = 0; i < IN; i++) {
          s += wi[g * IN + i] * seq[t][i];
        }
        for (int j = 0; j < HIDDEN; j++) {
          s += wh[g * HIDDEN + j] * h[j];
        }
        gates[g] = s;
      }
      double[] next = new double[HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        double ig = sigmoid(gates[j]);
        double fg = sigmoid(gates[HIDDEN + j]);
        double gg = Math.tanh(gates[2 * HIDDEN + j]);
        double og = sigmoid(gates[3 * HIDDEN + j]);
        c[j] = fg * c[j] + ig * gg;
        next[j] = og * Math.tanh(c[j]);
      }
      h = next;
      out[t] = next;
    }
    return out;
  }

  private static float[] weight(LSTM lstm, String suffix) {
    return lstm.getParameters().stream()
        .filter(p -> p.getKey().endsWith(suffix))
        .findFirst()
        .orElseThrow()
        .getValue()
        .getArray()
        .toFloatArray();
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
