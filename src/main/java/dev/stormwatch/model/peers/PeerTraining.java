package dev.stormwatch.model.peers;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import dev.stormwatch.model.DjlRuntime;
import dev.stormwatch.model.Examples;
import dev.stormwatch.model.TrainingOptions;
import java.util.List;
import java.util.Random;

/** The training and inference loops the comparison networks share (Adam, clipped gradients). */
final class PeerTraining {
  /** Rows scored per forward pass at inference. */
  private static final int INFERENCE_BATCH = 512;

  /** A batch's loss from the network's outputs, the input batch and the ±1 labels. */
  interface BatchLoss {
    NDArray of(NDList out, NDArray x, NDArray labels);
  }

  private PeerTraining() {}

  /** A model on the PyTorch engine owning {@code block}. */
  static Model model(String name, Block block) {
    Model model = Model.newInstance(name, DjlRuntime.ENGINE);
    model.setBlock(block);
    return model;
  }

  /** A trainer with Adam at the options' learning rate, initialised for {@code input} batches. */
  static Trainer trainer(Model model, Loss loss, TrainingOptions o, Shape input) {
    DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(Adam.builder()
        .optLearningRateTracker(Tracker.fixed((float) o.learningRate())).optClipGrad(1f).build());
    Trainer trainer = model.newTrainer(config);
    trainer.initialize(input);
    return trainer;
  }

  /** Runs the options' epochs of shuffled mini-batches, minimising {@code loss}. */
  static void epochs(Trainer trainer, List<float[]> rows, float[] labels, long[] rowShape,
      TrainingOptions o, Random rnd, BatchLoss loss) {
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      int[] order = Examples.shuffled(rows.size(), rnd);
      for (int from = 0; from + 2 <= order.length; from += o.batchSize()) {
        int n = Math.min(o.batchSize(), order.length - from);
        try (NDManager scope = trainer.getManager().newSubManager()) {
          NDArray x = DjlRuntime.owned(scope, flatten(rows, order, from, n), shape(n, rowShape));
          float[] y = new float[n];
          for (int i = 0; i < n; i++) {
            y[i] = labels[order[from + i]];
          }
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray value = loss.of(trainer.forward(new NDList(x)), x, scope.create(y));
            if (!Float.isFinite(value.getFloat())) {
              continue;
            }
            gc.backward(value);
          }
          trainer.step();
        }
      }
    }
  }

  /** One value per row from the outputs of a network and its input batch. */
  interface Pick {
    NDArray of(NDList out, NDArray x);
  }

  /** One value per row from an inference pass of the model's block ({@code pick} reads it). */
  static float[] infer(Model model, float[][] rows, long[] rowShape, Pick pick) {
    float[][] values = inferRows(model, rows, rowShape, (out, x) -> pick.of(out, x).reshape(-1, 1));
    float[] out = new float[rows.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i][0];
    }
    return out;
  }

  /** A row of values per input row ({@code pick} returns them as {@code [batch, k]}). */
  static float[][] inferRows(Model model, float[][] rows, long[] rowShape, Pick pick) {
    float[][] out = new float[rows.length][];
    for (int from = 0; from < rows.length; from += INFERENCE_BATCH) {
      int n = Math.min(INFERENCE_BATCH, rows.length - from);
      try (NDManager scope = model.getNDManager().newSubManager()) {
        NDArray x = DjlRuntime.owned(scope, flatten(List.of(rows), null, from, n), shape(n, rowShape));
        NDList result = model.getBlock().forward(new ParameterStore(scope, false), new NDList(x),
            false);
        NDArray picked = pick.of(result, x);
        int k = (int) picked.getShape().get(1);
        float[] flat = picked.toFloatArray();
        for (int i = 0; i < n; i++) {
          out[from + i] = java.util.Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
      }
    }
    return out;
  }

  static Shape shape(int n, long[] rowShape) {
    long[] s = new long[rowShape.length + 1];
    s[0] = n;
    System.arraycopy(rowShape, 0, s, 1, rowShape.length);
    return new Shape(s);
  }

  /** Rows {@code order[from..from+n)} (or {@code from..from+n} without an order) as one flat array. */
  static float[] flatten(List<float[]> rows, int[] order, int from, int n) {
    int size = rows.get(0).length;
    float[] flat = new float[n * size];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows.get(order == null ? from + i : order[from + i]), 0, flat, i * size, size);
    }
    return flat;
  }
}
