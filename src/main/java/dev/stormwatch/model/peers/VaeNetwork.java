package dev.stormwatch.model.peers;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.stormwatch.model.DjlRuntime;
import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.TrainingSet;
import java.util.List;
import java.util.Random;

/**
 * The VAE peer: trained on the normal examples only (no injected anomalies: reconstruction-based
 * detection learns what normal looks like), minimising the squared reconstruction error plus the
 * latent's KL divergence; the evidence is the log of the window's squared reconstruction error.
 */
final class VaeNetwork implements PeerNetwork {
  static final int HIDDEN = 64;
  static final int LATENT = 8;

  private final long[] rowShape;
  private final VaeBlock block;
  private final Model model;

  VaeNetwork(int channels, int steps) {
    this.rowShape = new long[] {channels, steps};
    this.block = new VaeBlock(HIDDEN, LATENT, (long) channels * steps);
    this.model = PeerTraining.model("vae", block);
  }

  @Override
  public void fit(List<TrainingSet.Example> train, TrainingOptions options) {
    DjlRuntime.engine().setRandomSeed((int) options.seed());
    block.seedNoise(options.seed());
    List<float[]> normal = train.stream().filter(e -> e.label() < 0)
        .map(TrainingSet.Example::features).toList();
    try (Trainer trainer = PeerTraining.trainer(model, Loss.l2Loss(), options,
        PeerTraining.shape(options.batchSize(), rowShape))) {
      PeerTraining.epochs(trainer, normal, new float[normal.size()], rowShape, options,
          new Random(options.seed()), (out, x, y) -> {
            NDArray error = squaredError(out, x);
            NDArray mean = out.get(1);
            NDArray logVar = out.get(2);
            NDArray kl = logVar.add(1).sub(mean.square()).sub(logVar.exp()).sum(new int[] {1})
                .mul(-0.5);
            return error.add(kl).mean();
          });
    }
  }

  private static NDArray squaredError(NDList out, NDArray x) {
    return out.get(0).sub(x.reshape(x.getShape().get(0), -1)).square().sum(new int[] {1});
  }

  @Override
  public float[] evidence(float[][] rows) {
    return PeerTraining.infer(model, rows, rowShape,
        (out, x) -> squaredError(out, x).add(1e-6).log());
  }

  @Override
  public long parameters() {
    return DjlRuntime.trainableParameters(block);
  }

  @Override
  public void close() {
    model.close();
  }
}
