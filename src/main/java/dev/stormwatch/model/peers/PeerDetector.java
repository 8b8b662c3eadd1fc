package dev.stormwatch.model.peers;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.detect.DetectorFactory;
import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.TrainingSet;
import dev.stormwatch.model.WindowFeaturizer;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Serves a {@link PeerModel} as a {@link Detector} over the same features as the hybrid model,
 * abstaining where the hybrid does (nothing from the key in the newest step, no mature baseline);
 * owns the model and closes it.
 */
public final class PeerDetector implements Detector {
  private final PeerModel model;
  private final WindowFeaturizer featurizer;

  public PeerDetector(PeerModel model) {
    this.model = model;
    this.featurizer = new WindowFeaturizer(model.schema());
  }

  /**
   * Trains a {@code kind} peer on annotated history windows (as the hybrid model trains on them:
   * telemetry examples, injected anomalies, the newest share held out) and serves it.
   */
  public static PeerDetector trainOn(PeerKind kind, List<WindowAssembly> history,
      TrainingOptions options) {
    TrainingSet set = TrainingSet.fromHistory(history, options.withLogTokens(0), null,
        new Random(options.seed()));
    return new PeerDetector(PeerModel.train(kind, set, options));
  }

  /** The model served. */
  public PeerModel model() {
    return model;
  }

  /** Loads a forecaster artifact ({@link PeerModel#load}) and serves it. */
  public static PeerDetector open(Path dir, long stepMillis, int windowSteps) throws IOException {
    return new PeerDetector(PeerModel.load(dir, stepMillis, windowSteps));
  }

  /** A serializable factory: each subtask loads the forecaster artifact at {@code dir} itself. */
  public static DetectorFactory factory(String dir, long stepMillis, int windowSteps) {
    return () -> open(Path.of(dir), stepMillis, windowSteps);
  }

  @Override
  public String modelVersion() {
    return model.version();
  }

  @Override
  public DetectionResult score(WindowAssembly window) {
    return scoreAll(List.of(window)).get(0);
  }

  @Override
  public List<DetectionResult> scoreAll(List<WindowAssembly> windows) {
    List<DetectionResult> results = new ArrayList<>(windows.size());
    List<float[]> rows = new ArrayList<>();
    List<DetectionResult> scored = new ArrayList<>();
    for (WindowAssembly w : windows) {
      DetectionResult r = DetectionResult.forWindow(w);
      r.modelVersion = modelVersion();
      results.add(r);
      float[] x = featurizer.observedInNewestStep(w) ? featurizer.features(w) : null;
      if (x == null || !TrainingSet.hasUsableChannel(model.schema(), x)) {
        r.abstained = true;
        r.reason = x == null ? "no data from the key in the newest step; not scored"
            : "no model channel has a mature baseline yet; not scored";
        continue;
      }
      rows.add(x);
      scored.add(r);
    }
    if (!rows.isEmpty()) {
      double[] p = model.probabilities(rows.toArray(float[][]::new));
      for (int i = 0; i < p.length; i++) {
        DetectionResult r = scored.get(i);
        if (Double.isFinite(p[i])) {
          r.score = p[i];
          r.reason = String.format(Locale.ROOT, "%s peer score %.2f", model.kind().id(), p[i]);
        } else {
          r.abstained = true;
          r.reason = "the " + model.kind().id() + " peer returned non-finite evidence; not scored";
        }
      }
    }
    return results;
  }

  @Override
  public void close() {
    model.close();
  }
}
