package dev.stormwatch.model;

import ai.djl.translate.TranslateException;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.detect.DetectorFactory;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Serves a hybrid model artifact as a {@link Detector}: a batch of windows is scored in one forward
 * pass of each member's predictor (one model, or a seed ensemble whose mean calibrated score is
 * the window's score and whose standard deviation its spread: {@link ModelEnsemble}; with a log
 * branch, the windows' templates become log tokens through the detector's own template-embedding
 * cache); windows scoring at least {@link #EXPLAIN_FROM} are
 * explained by occlusion (each present metric and the log counts reset to their baseline
 * expectation, and the log tokens removed, in one further batched pass), the drops in margin
 * becoming the contributor weights. Windows in whose newest step the key sent nothing, or whose
 * channels have no mature baseline yet (a key's first half hour), score 0 unseen by the model, as
 * in training.
 */
public final class HybridDetector implements Detector {
  /** Windows from this score on get contributors. */
  public static final double EXPLAIN_FROM = 0.5;
  /** Contributor name of the log-count channels. */
  public static final String LOG_SIGNAL = "log:error_rate";
  /** Contributor name of the log-template tokens. */
  public static final String TEMPLATES_SIGNAL = "log:templates";

  private static final int MAX_CONTRIBUTORS = 3;
  private static final int MAX_EVIDENCE = 3;
  /** Occlusion signal of the log tokens (metrics are 0.., the log counts -1). */
  private static final int TEMPLATES = -2;

  private final ModelEnsemble models;
  private final HybridModel model;
  private final Occlusion occlusion;

  /** Serves one model (the detector owns and closes it). */
  public HybridDetector(HybridModel model) {
    this(new ModelEnsemble(List.of(model)));
  }

  private HybridDetector(ModelEnsemble models) {
    this.models = models;
    this.model = models.lead();
    this.occlusion = new Occlusion(model.manifest().schema());
  }

  /** The (lead model's) log branch, its template cache, or null when the model has none. */
  public LogBranch logBranch() {
    return models.leadLogs();
  }

  /** Models whose scores are averaged (1 unless the artifact lists ensemble members). */
  public int ensembleSize() {
    return models.size();
  }

  /**
   * Loads the artifact and its ensemble members, refusing it unless it serves windows of this step
   * and length.
   */
  public static HybridDetector open(Path modelDir, long stepMillis, int windowSteps) throws IOException {
    return open(modelDir, stepMillis, windowSteps, InferenceDevice.AUTO);
  }

  /** A serializable factory: each subtask loads the artifact at {@code modelDir} itself. */
  public static DetectorFactory factory(String modelDir, long stepMillis, int windowSteps) {
    return factory(modelDir, stepMillis, windowSteps, InferenceDevice.AUTO);
  }

  /** As {@link #open(Path, long, int)}, on a device ({@link InferenceDevice}). */
  public static HybridDetector open(Path modelDir, long stepMillis, int windowSteps,
      InferenceDevice device) throws IOException {
    return new HybridDetector(ModelEnsemble.load(modelDir, stepMillis, windowSteps, device));
  }

  /** As {@link #factory(String, long, int)}, each subtask loading onto {@code device}. */
  public static DetectorFactory factory(String modelDir, long stepMillis, int windowSteps,
      InferenceDevice device) {
    return () -> open(Path.of(modelDir), stepMillis, windowSteps, device);
  }

  @Override
  public String modelVersion() {
    return model.modelVersion();
  }

  @Override
  public DetectionResult score(WindowAssembly window) {
    return scoreAll(List.of(window)).get(0);
  }

  @Override
  public List<DetectionResult> scoreAll(List<WindowAssembly> windows) {
    if (windows.isEmpty()) {
      return List.of();
    }
    ModelManifest manifest = model.manifest();
    List<DetectionResult> results = new ArrayList<>(windows.size());
    List<WindowAssembly> scored = new ArrayList<>();
    List<float[]> scoredRows = new ArrayList<>();
    List<DetectionResult> scoredResults = new ArrayList<>();
    for (WindowAssembly w : windows) {
      if (w.stepMillis != manifest.stepMillis) {
        throw new IllegalArgumentException("window step " + w.stepMillis + " ms differs from the "
            + modelVersion() + " model's " + manifest.stepMillis + " ms");
      }
      DetectionResult r = DetectionResult.forWindow(w);
      r.modelVersion = modelVersion();
      results.add(r);
      if (!model.featurizer().observedInNewestStep(w)) {
        r.reason = "no data from the key in the newest step; not scored";
        r.abstained = true;
        continue;
      }
      float[] features = model.featurizer().features(w);
      if (!TrainingSet.hasUsableChannel(manifest.schema(), features)) {
        r.reason = "no model channel has a mature baseline yet; not scored";
        r.abstained = true;
      } else {
        scored.add(w);
        scoredRows.add(features);
        scoredResults.add(r);
      }
    }
    if (!scored.isEmpty()) {
      scoreObserved(scored, scoredRows.toArray(float[][]::new), scoredResults);
    }
    return results;
  }

  private void scoreObserved(List<WindowAssembly> windows, float[][] rows,
      List<DetectionResult> results) {
    try {
      ModelEnsemble.Scores scores = models.predict(windows, rows);
      float[][] out = scores.leadOut();
      float[][] tokens = scores.tokens();
      List<Integer> explain = new ArrayList<>();
      for (int i = 0; i < rows.length; i++) {
        results.get(i).score = scores.mean()[i];
        results.get(i).scoreSpread = scores.spread()[i];
        if (!Double.isFinite(results.get(i).score)) {
          // never hand a NaN to the posterior: it would poison the key's learned score history
          results.get(i).score = 0.0;
          results.get(i).abstained = true;
          results.get(i).reason = "the model returned a non-finite margin; not scored";
        } else if (results.get(i).score >= EXPLAIN_FROM) {
          explain.add(i);
        }
      }
      if (!explain.isEmpty()) {
        explain(windows, rows, tokens, out, explain, results);
      }
      for (int i = 0; i < rows.length; i++) {
        DetectionResult r = results.get(i);
        if (!r.abstained) {
          r.reason = reason(r, out[i + 1], windows.get(i));
        }
      }
    } catch (TranslateException e) {
      throw new IllegalStateException(modelVersion() + " could not score a batch: " + e.getMessage(), e);
    }
  }

  private void explain(List<WindowAssembly> windows, float[][] rows, float[][] tokens,
      float[][] out, List<Integer> explain, List<DetectionResult> results) throws TranslateException {
    List<Occlusion.Variant> variants = new ArrayList<>();
    for (int i : explain) {
      variants.addAll(occlusion.variants(i, rows[i]));
      if (tokens[i] != null && windows.get(i).templates.length > 0) {
        variants.add(new Occlusion.Variant(i, TEMPLATES, rows[i]));
      }
    }
    float[][] masked = new float[variants.size()][];
    float[][] maskedTokens = new float[variants.size()][];
    for (int v = 0; v < masked.length; v++) {
      Occlusion.Variant variant = variants.get(v);
      masked[v] = variant.features();
      maskedTokens[v] = variant.signal() == TEMPLATES ? null : tokens[variant.window()];
    }
    float[] maskedMargins = masked.length == 0 ? new float[0]
        : models.leadMargins(new HybridModel.Batch(masked, maskedTokens));
    for (int i : explain) {
      List<String> names = new ArrayList<>();
      List<Double> drops = new ArrayList<>();
      for (int v = 0; v < variants.size(); v++) {
        Occlusion.Variant variant = variants.get(v);
        double drop = out[0][i] - maskedMargins[v];
        if (variant.window() == i && drop > 0) {
          names.add(variant.signal() == TEMPLATES ? TEMPLATES_SIGNAL
              : variant.signal() < 0 ? LOG_SIGNAL : model.manifest().metrics.get(variant.signal()));
          drops.add(drop);
        }
      }
      fillContributors(results.get(i), names, drops);
      if (names.contains(LOG_SIGNAL) || names.contains(TEMPLATES_SIGNAL)) {
        results.get(i).logEvidence = LogLines.evidence(windows.get(i), MAX_EVIDENCE);
      }
    }
  }

  private static void fillContributors(DetectionResult r, List<String> names, List<Double> drops) {
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      order.add(k);
    }
    order.sort((a, b) -> Double.compare(drops.get(b), drops.get(a)));
    int n = Math.min(MAX_CONTRIBUTORS, order.size());
    double total = 0;
    for (double d : drops) {
      total += d;
    }
    r.contributorSignals = new String[n];
    r.contributorWeights = new double[n];
    for (int k = 0; k < n; k++) {
      r.contributorSignals[k] = names.get(order.get(k));
      r.contributorWeights[k] = drops.get(order.get(k)) / total;
    }
  }

  private String reason(DetectionResult r, float[] attention, WindowAssembly w) {
    int peak = 0;
    for (int t = 1; t < attention.length; t++) {
      peak = attention[t] > attention[peak] ? t : peak;
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "hybrid score %.2f", r.score));
    if (models.size() > 1) {
      sb.append(String.format(Locale.ROOT, " (mean of %d models, spread %.2f)", models.size(),
          r.scoreSpread));
    }
    for (int k = 0; k < r.contributorSignals.length; k++) {
      sb.append(k == 0 ? "; driven by " : ", ").append(r.contributorSignals[k])
          .append(String.format(Locale.ROOT, " (%.0f%%)", 100 * r.contributorWeights[k]));
    }
    if (peak < w.steps) {
      sb.append(String.format(Locale.ROOT, "; attention peaks %d min before the window end",
          (w.steps - 1 - peak) * w.stepMillis / 60_000));
    } else if (peak - w.steps < w.templates.length) {
      sb.append("; attention peaks on a log template");
    }
    return sb.toString();
  }

  @Override
  public void close() {
    models.close();
  }
}
