package dev.stormwatch.model.peers;

import dev.stormwatch.eval.Label;
import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.TrainingSet;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code train.sh --network gnn}: trains the GDN-style forecaster on the examples the hybrid would
 * get (telemetry only; it learns from the normal ones) and writes the artifact the job serves.
 */
public final class ForecasterTraining {
  private ForecasterTraining() {}

  /** Trains and saves into {@code out}; returns the command's exit code (2: no usable examples). */
  public static int run(List<WindowAssembly> windows, List<Label> labels, List<Label> benign,
      int benignRepeat, TrainingOptions options, Map<String, Object> summary, Path out,
      long stepMillis, long started) throws IOException {
    TrainingSet set;
    try {
      set = TrainingSet.build(windows, labels, benign, benignRepeat, options, null,
          new Random(options.seed()));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    summary.put("seed", options.seed());
    summary.put("epochs", options.epochs());
    summary.put("windows", set.windows);
    summary.put("train_examples", set.train.size());
    try (PeerModel model = PeerModel.train(PeerKind.GNN, set, options)) {
      model.save(out, stepMillis, options.modelVersion(), summary);
      System.out.printf("trained gnn forecaster %s (%d parameters) in %.1f s on %d windows,"
          + " channels %s; held-out AUC %.3f%n", out, model.parameters(),
          (System.nanoTime() - started) / 1e9, set.windows, set.schema.metrics(), model.holdoutAuc());
    }
    return 0;
  }
}
