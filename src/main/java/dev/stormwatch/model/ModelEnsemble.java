package dev.stormwatch.model;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hybrid models one detector serves, each with its own predictor: the artifact's own model
 * (the lead, which also explains and names the version) and the further seed members its manifest
 * lists in {@code ensemble_members}. Members are served the lead's inputs, so a window's log tokens
 * are built once, through the lead's template cache. A window's score is the mean of the members'
 * calibrated scores and its spread their standard deviation, the model uncertainty the Bayesian
 * layer weighs.
 */
final class ModelEnsemble implements AutoCloseable {
  private final List<HybridModel> models;
  private final List<Predictor<HybridModel.Batch, float[][]>> predictors = new ArrayList<>();
  private final LogBranch logs;

  /**
   * Per scored window: the lead's outputs (margins, then attention rows), the log tokens every
   * member was given, and the ensemble's score.
   */
  record Scores(float[][] leadOut, float[][] tokens, double[] mean, double[] spread) {}

  ModelEnsemble(List<HybridModel> models) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one model");
    }
    this.models = List.copyOf(models);
    for (HybridModel m : this.models) {
      predictors.add(m.newPredictor());
    }
    this.logs = lead().newLogBranch();
  }

  /**
   * Loads the artifact at {@code dir} and every member its manifest lists (sub-directories of
   * {@code dir}, each a complete artifact), refusing members whose inputs differ from the lead's.
   */
  static ModelEnsemble load(Path dir, long stepMillis, int steps, InferenceDevice device)
      throws IOException {
    List<HybridModel> loaded = new ArrayList<>();
    try {
      HybridModel lead = HybridModel.load(dir, stepMillis, steps, device);
      loaded.add(lead);
      Path base = dir.toAbsolutePath().normalize();
      for (String name : lead.manifest().ensembleMembers) {
        Path memberDir = base.resolve(name).normalize();
        if (name.isBlank() || !base.equals(memberDir.getParent())) {
          throw new IOException(dir + ": ensemble member '" + name
              + "' must be a sub-directory of the artifact");
        }
        HybridModel member = HybridModel.load(memberDir, stepMillis, steps, device);
        loaded.add(member);
        requireSameInputs(lead.manifest(), member.manifest(), memberDir);
      }
      return new ModelEnsemble(loaded);
    } catch (IOException | RuntimeException e) {
      loaded.forEach(HybridModel::close);
      throw e;
    }
  }

  private static void requireSameInputs(ModelManifest lead, ModelManifest member, Path memberDir)
      throws IOException {
    if (!lead.schema().equals(member.schema()) || lead.logTokens != member.logTokens
        || !Objects.equals(lead.embeddingSha256, member.embeddingSha256)) {
      throw new IOException(String.format("ensemble member %s is not served the lead's inputs:"
          + " metrics %s, %d log tokens, embedding %s (the lead: %s, %d, %s)", memberDir,
          member.metrics, member.logTokens, member.embeddingModel, lead.metrics, lead.logTokens,
          lead.embeddingModel));
    }
  }

  HybridModel lead() {
    return models.get(0);
  }

  /** The lead's log branch (its template cache), or null when the model has none. */
  LogBranch leadLogs() {
    return logs;
  }

  int size() {
    return models.size();
  }

  /** Scores feature rows (their windows give the log tokens) with every member. */
  Scores predict(List<WindowAssembly> windows, float[][] rows) throws TranslateException {
    int n = rows.length;
    double[] sum = new double[n];
    double[] sumSquares = new double[n];
    float[][] tokens = tokens(windows);
    HybridModel.Batch batch = new HybridModel.Batch(rows, tokens);
    float[][] leadOut = null;
    for (int k = 0; k < models.size(); k++) {
      float[][] out = predictors.get(k).predict(batch);
      if (k == 0) {
        leadOut = out;
      }
      ModelManifest m = models.get(k).manifest();
      for (int i = 0; i < n; i++) {
        double s = m.scoreOf(out[0][i]);
        sum[i] += s;
        sumSquares[i] += s * s;
      }
    }
    double[] mean = new double[n];
    double[] spread = new double[n];
    int size = models.size();
    for (int i = 0; i < n; i++) {
      mean[i] = sum[i] / size;
      spread[i] = size < 2 ? 0.0 : Math.sqrt(Math.max(0.0, sumSquares[i] / size - mean[i] * mean[i]));
    }
    return new Scores(leadOut, tokens, mean, spread);
  }

  /** The lead's margins for a batch (occlusion variants). */
  float[] leadMargins(HybridModel.Batch batch) throws TranslateException {
    return predictors.get(0).predict(batch)[0];
  }

  private float[][] tokens(List<WindowAssembly> windows) {
    float[][] tokens = new float[windows.size()][];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = logs == null ? null : logs.tokens(windows.get(i));
    }
    return tokens;
  }

  @Override
  public void close() {
    predictors.forEach(Predictor::close);
    models.forEach(HybridModel::close);
  }
}
