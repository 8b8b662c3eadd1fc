package dev.stormwatch.model.peers;

import ai.djl.Model;
import ai.djl.training.Trainer;
import dev.stormwatch.model.DjlRuntime;
import dev.stormwatch.model.LogisticLoss;
import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.TrainingSet;
import java.util.List;
import java.util.Random;

/**
 * The TCN peer: trained as a classifier on exactly the hybrid model's examples (normal windows,
 * injected anomalies, benign changes, labels when given) with the logistic loss; the evidence is
 * its margin.
 */
final class TcnNetwork implements PeerNetwork {
  static final int FILTERS = 32;

  private final long[] rowShape;
  private final TcnBlock block = new TcnBlock(FILTERS);
  private final Model model = PeerTraining.model("tcn", block);

  TcnNetwork(int channels, int steps) {
    this.rowShape = new long[] {channels, steps};
  }

  @Override
  public void fit(List<TrainingSet.Example> train, TrainingOptions options) {
    DjlRuntime.engine().setRandomSeed((int) options.seed());
    List<float[]> rows = train.stream().map(TrainingSet.Example::features).toList();
    float[] labels = new float[train.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = train.get(i).label();
    }
    LogisticLoss loss = new LogisticLoss();
    try (Trainer trainer = PeerTraining.trainer(model, loss, options,
        PeerTraining.shape(options.batchSize(), rowShape))) {
      PeerTraining.epochs(trainer, rows, labels, rowShape, options, new Random(options.seed()),
          (out, x, y) -> loss.evaluate(new ai.djl.ndarray.NDList(y), out));
    }
  }

  @Override
  public float[] evidence(float[][] rows) {
    return PeerTraining.infer(model, rows, rowShape, (out, x) -> out.get(0));
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
