package dev.stormwatch.model.peers;

import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.TrainingSet;
import java.util.List;

/**
 * One trained comparison network: it learns from a {@link TrainingSet}'s examples and turns rows of
 * window features into raw anomaly evidence (larger is more anomalous, on no particular scale;
 * {@link PeerModel} calibrates it). Owns its DJL models and closes them.
 */
interface PeerNetwork extends AutoCloseable {
  /** Trains on {@code train} (the unsupervised networks use its normal examples only). */
  void fit(List<TrainingSet.Example> train, TrainingOptions options);

  /** Raw evidence per row of features. */
  float[] evidence(float[][] rows);

  /** Trainable parameters. */
  long parameters();

  @Override
  void close();
}
