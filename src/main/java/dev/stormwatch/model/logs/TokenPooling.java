package dev.stormwatch.model.logs;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Map;

/** Picks a sentence-transformer's output and turns it into unit-length sentence vectors. */
final class TokenPooling {
  private TokenPooling() {}

  /** The output used: its name and whether it is already one vector per sentence (rank 2). */
  record Output(String name, boolean pooled) {}

  /**
   * A rank-2 {@code sentence_embedding} output if there is one, else {@code last_hidden_state} or
   * {@code token_embeddings}, else the first rank-3 float output.
   */
  static Output chooseOutput(OrtSession session) throws OrtException {
    Map<String, NodeInfo> outputs = session.getOutputInfo();
    for (String preferred : new String[] {"sentence_embedding", "last_hidden_state", "token_embeddings"}) {
      NodeInfo info = outputs.get(preferred);
      if (info != null && info.getInfo() instanceof TensorInfo t) {
        return new Output(preferred, t.getShape().length == 2);
      }
    }
    for (Map.Entry<String, NodeInfo> e : outputs.entrySet()) {
      if (e.getValue().getInfo() instanceof TensorInfo t && t.getShape().length == 3) {
        return new Output(e.getKey(), false);
      }
    }
    throw new IllegalArgumentException("model has no token-state or sentence-embedding output: " + outputs.keySet());
  }

  /** Mean over the tokens whose mask is 1 (or the pooled rows), then L2 normalisation. */
  static float[][] poolAndNormalise(OnnxTensor tensor, Output output, long[] mask, int rows, int length) {
    FloatBuffer values = tensor.getFloatBuffer();
    long[] shape = tensor.getInfo().getShape();
    int hidden = (int) shape[shape.length - 1];
    float[][] out = new float[rows][hidden];
    for (int r = 0; r < rows; r++) {
      float[] v = out[r];
      if (output.pooled()) {
        values.get(r * hidden, v, 0, hidden);
      } else {
        meanOverMask(values, mask, r, length, hidden, v);
      }
      normalise(v);
    }
    return out;
  }

  private static void meanOverMask(FloatBuffer values, long[] mask, int row, int length, int hidden, float[] v) {
    double[] sum = new double[hidden];
    int tokens = 0;
    for (int t = 0; t < length; t++) {
      if (mask[row * length + t] == 0) {
        continue;
      }
      tokens++;
      int base = (row * length + t) * hidden;
      for (int h = 0; h < hidden; h++) {
        sum[h] += values.get(base + h);
      }
    }
    double count = Math.max(tokens, 1e-9);
    for (int h = 0; h < hidden; h++) {
      v[h] = (float) (sum[h] / count);
    }
  }

  /** Scales to unit L2 norm in place (a zero vector stays zero). */
  static void normalise(float[] v) {
    normalise(v, v.length);
  }

  /** Scales the first {@code length} entries to unit L2 norm in place. */
  static void normalise(float[] v, int length) {
    double squares = 0;
    for (int i = 0; i < length; i++) {
      squares += (double) v[i] * v[i];
    }
    double norm = Math.sqrt(squares);
    if (norm > 1e-12) {
      for (int i = 0; i < length; i++) {
        v[i] = (float) (v[i] / norm);
      }
    }
  }
}
