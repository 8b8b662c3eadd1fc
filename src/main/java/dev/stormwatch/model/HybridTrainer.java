package dev.stormwatch.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the hybrid network on a {@link TrainingSet} with the hinge loss, calibrates its margins
 * (Platt scaling on training examples), evaluates AUC/F1 on the held-out split and writes the
 * artifact ({@code hybrid-0000.params} + {@code manifest.json}). Deterministic given the seed.
 */
public final class HybridTrainer {
  /** Each gradient element is clipped to this magnitude before the Adam step. */
  static final float GRADIENT_CLIP = 1f;
  /**
   * Consecutive batches with a non-finite loss or gradient after which training stops. A single
   * one is skipped (no step, its gradient cleared): PyTorch's CPU kernels are not always
   * bit-reproducible and this network trains close to the edge, so a run now and then meets a
   * batch whose backward pass overflows.
   */
  static final int MAX_NON_FINITE_BATCHES = 10;
  /**
   * Attempts at a training run that diverges. A run that meets a NaN where a clean run with the
   * same seed does not (about 1 in 50 here: every clean run's parameters are bit-identical, so the
   * NaN is not the data's) is retried from scratch and yields the clean run's artifact; a
   * divergence that repeats on every attempt is the data's or the settings', and stops training.
   */
  static final int MAX_ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(HybridTrainer.class);

  private final TrainingOptions options;
  private final IntConsumer beforeAttempt;
  private final List<Double> epochLosses = new ArrayList<>();
  private int skippedBatches;
  private int attempts;

  public HybridTrainer(TrainingOptions options) {
    this(options, attempt -> {});
  }

  /** A trainer that calls {@code beforeAttempt} with each attempt's number (1, 2, ...) first. */
  HybridTrainer(TrainingOptions options, IntConsumer beforeAttempt) {
    this.options = options;
    this.beforeAttempt = beforeAttempt;
  }

  /** Batches of the last attempt skipped because their loss or a gradient was not finite. */
  public int skippedBatches() {
    return skippedBatches;
  }

  /** Training attempts the last {@code train} call made (1 unless a run diverged). */
  public int attempts() {
    return attempts;
  }

  /** Mean training loss of each finished epoch. */
  public List<Double> epochLosses() {
    return epochLosses;
  }

  /**
   * Trains, evaluates and saves into {@code outDir}; returns the written manifest. A run that
   * diverges is started again from scratch, up to {@link #MAX_ATTEMPTS} attempts in all.
   *
   * @throws TrainingDivergedException when every attempt diverged (nothing is written)
   */
  public ModelManifest train(TrainingSet set, long stepMillis, Map<String, Object> dataSummary,
      Path outDir) throws IOException {
    long started = System.nanoTime();
    for (attempts = 1; ; attempts++) {
      epochLosses.clear();
      skippedBatches = 0;
      beforeAttempt.accept(attempts);
      try {
        return attempt(set, stepMillis, dataSummary, outDir, started);
      } catch (TrainingDivergedException e) {
        if (attempts >= MAX_ATTEMPTS) {
          throw e;
        }
        LOG.warn("training attempt {} of {} diverged ({}); starting again from scratch", attempts,
            MAX_ATTEMPTS, e.getMessage());
      }
    }
  }

  private ModelManifest attempt(TrainingSet set, long stepMillis, Map<String, Object> dataSummary,
      Path outDir, long started) throws IOException {
    Engine engine = DjlRuntime.engine();
    engine.setRandomSeed((int) options.seed());
    FeatureSchema schema = set.schema;
    LogBranch logs = set.logs;
    ModelDims dims = ModelDims.defaults(schema.channels(), schema.steps(),
        logs == null ? 0 : logs.width(), logs == null ? 0 : logs.tokens(), options.architecture());
    Files.createDirectories(outDir);
    try (Model model = Model.newInstance(ModelManifest.MODEL_NAME, DjlRuntime.ENGINE)) {
      HybridModelBlock block = new HybridModelBlock(dims);
      model.setBlock(block);
      DefaultTrainingConfig config = new DefaultTrainingConfig(
          options.architecture().rbfHead() ? new HingeLoss() : new LogisticLoss())
          .optOptimizer(Adam.builder()
              .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
              .optClipGrad(GRADIENT_CLIP).build());
      long trainable;
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(HybridModel.inputShapes(dims, options.batchSize()));
        trainable = DjlRuntime.trainableParameters(block);
        Random rnd = new Random(options.seed() ^ 0x5DEECE66DL);
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
          epochLosses.add(runEpoch(trainer, set.train, schema, dims, rnd));
        }
        requireFiniteParameters(block);
      }
      ModelManifest manifest = manifest(set, stepMillis, dims, trainable);
      try (Predictor<HybridModel.Batch, float[][]> predictor =
          model.newPredictor(new HybridModel.RowsTranslator(schema, dims))) {
        calibrate(manifest, predictor, set.train, new Random(options.seed()));
        evaluate(manifest, predictor, set.holdout);
      } catch (TranslateException e) {
        throw new IOException("scoring the held-out split failed: " + e.getMessage(), e);
      }
      manifest.training.putAll(dataSummary);
      if (skippedBatches > 0) {
        manifest.training.put("skipped_non_finite_batches", skippedBatches);
      }
      if (attempts > 1) {
        manifest.training.put("attempts", attempts);
      }
      manifest.training.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
      model.setProperty("Epoch", "0");
      model.save(outDir, ModelManifest.MODEL_NAME);
      manifest.write(outDir.resolve(ModelManifest.FILE));
      return manifest;
    }
  }

  private double runEpoch(Trainer trainer, List<TrainingSet.Example> examples, FeatureSchema schema,
      ModelDims dims, Random rnd) {
    int[] order = Examples.shuffled(examples.size(), rnd);
    int batch = options.batchSize();
    double sum = 0;
    int batches = 0;
    int nonFinite = 0;
    for (int from = 0; from + 2 <= order.length; from += batch) {
      int n = Math.min(batch, order.length - from);
      float[] x = new float[n * schema.size()];
      float[] y = new float[n];
      float[][] logs = new float[n][];
      for (int i = 0; i < n; i++) {
        TrainingSet.Example e = examples.get(order[from + i]);
        System.arraycopy(e.features(), 0, x, i * schema.size(), schema.size());
        y[i] = e.label();
        logs[i] = e.logs();
      }
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDList in = new NDList(DjlRuntime.owned(scope, x, new Shape(n, schema.channels(), schema.steps())));
        if (dims.logDim() > 0) {
          in.add(DjlRuntime.owned(scope, HybridModel.flatLogs(logs, n, dims),
              new Shape(n, dims.logTokens(), dims.logDim())));
        }
        NDArray labels = scope.create(y);
        boolean stepped = false;
        try (GradientCollector gc = trainer.newGradientCollector()) {
          NDList out = trainer.forward(in);
          NDArray loss = trainer.getLoss().evaluate(new NDList(labels), out);
          float value = loss.getFloat();
          if (Float.isFinite(value)) {
            gc.backward(loss);
            if (gradientsFinite(trainer)) {
              sum += value;
              stepped = true;
            } else {
              Gradients.clear(trainer.getModel().getBlock());
            }
          }
        }
        if (stepped) {
          trainer.step();
          batches++;
          nonFinite = 0;
        } else {
          skippedBatches++;
          if (++nonFinite >= MAX_NON_FINITE_BATCHES) {
            throw new TrainingDivergedException("training diverged: " + nonFinite + " batches in a row"
                + " with a non-finite loss or gradient, up to epoch " + (epochLosses.size() + 1)
                + ", batch " + (from / batch + 1) + "; try another --seed or fewer --epochs");
          }
        }
      }
    }
    return batches == 0 ? Double.NaN : sum / batches;
  }

  /**
   * Refuses to write a network with a non-finite value in any parameter, running statistics
   * included (a skipped batch can still have updated a BatchNorm's running mean and variance).
   */
  private static void requireFiniteParameters(HybridModelBlock block) {
    for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
      if (!allFinite(p.getValue().getArray().toFloatArray())) {
        throw new TrainingDivergedException("training diverged: parameter " + p.getKey()
            + " is not finite after training; try another --seed or fewer --epochs");
      }
    }
  }

  /** True when every parameter's gradient is finite (read back once per step; small network). */
  private static boolean gradientsFinite(Trainer trainer) {
    for (ai.djl.nn.Parameter p : trainer.getModel().getBlock().getParameters().values()) {
      if (!p.requiresGradient()) {
        continue;
      }
      try (NDArray g = p.getArray().getGradient()) {
        if (!allFinite(g.toFloatArray())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean allFinite(float[] values) {
    for (float f : values) {
      if (!Float.isFinite(f)) {
        return false;
      }
    }
    return true;
  }

  private ModelManifest manifest(TrainingSet set, long stepMillis, ModelDims dims, long trainable) {
    ModelManifest m = new ModelManifest();
    m.modelVersion = options.modelVersion();
    m.createdAt = Instant.now().toString();
    m.stepMillis = stepMillis;
    m.steps = set.schema.steps();
    m.metrics = set.schema.metrics();
    m.clip = set.schema.clip();
    m.minBaselineSamples = set.schema.minBaselineSamples();
    m.compressAbove = set.schema.compressAbove();
    m.normalisation = "metric z = (value - expected_center) / expected_scale of the key's hour-of-day"
        + " baseline" + (m.compressAbove > 0 ? ", beyond compress_above k sigmas k + ln(1 + |z| - k),"
        : ",") + " clipped to +-clip, 0 with presence 0 when missing or immature; error/warn ="
        + " (count - expected) / scale, likewise; info = log1p(count) - window mean";
    m.convFilters = dims.convFilters();
    m.lstmHidden = dims.lstmHidden();
    m.rffDim = dims.rffDim();
    m.rffSigma = dims.rffSigma();
    m.logDim = dims.logDim();
    m.logTokens = dims.logTokens();
    m.conv = dims.architecture().conv();
    m.lstm = dims.architecture().lstm();
    m.fusion = dims.architecture().fusion();
    m.head = dims.architecture().head();
    m.trainableParameters = trainable;
    if (set.logs != null) {
      m.embeddingModel = set.logs.model().id();
      m.embeddingSha256 = set.logs.model().sha256();
      m.embeddingDim = set.logs.model().dimension();
      m.training.put("embedded_templates", set.logs.cache().misses());
    }
    m.training.put("seed", options.seed());
    m.training.put("epochs", options.epochs());
    m.training.put("batch_size", options.batchSize());
    m.training.put("learning_rate", options.learningRate());
    m.training.put("windows", set.windows);
    m.training.put("windows_without_usable_channels", set.skippedUnusable);
    m.training.put("train_examples", set.train.size());
    m.training.put("labelled_positive_windows", set.labelledPositives);
    m.training.put("injected", new java.util.TreeMap<>(set.injected));
    m.training.put("synthetic", new java.util.TreeMap<>(set.synthetic));
    m.training.put("benign_fraction", options.benignFraction());
    m.training.put("coupling", options.coupling());
    m.training.put("offset_fraction", options.offsetFraction());
    m.training.put("coupled_channels", set.coupling.pairs());
    m.training.put("epoch_losses", epochLosses.stream().map(l -> Math.round(l * 1e4) / 1e4).toList());
    return m;
  }

  private void calibrate(ModelManifest m, Predictor<HybridModel.Batch, float[][]> predictor,
      List<TrainingSet.Example> train, Random rnd) throws TranslateException {
    List<TrainingSet.Example> sample = Examples.calibrationSample(train, rnd);
    double[] margins = margins(predictor, sample);
    double[] ab = BinaryMetrics.plattScaling(margins, Examples.labels(sample));
    m.calibrationA = ab[0];
    m.calibrationB = ab[1];
  }

  private void evaluate(ModelManifest m, Predictor<HybridModel.Batch, float[][]> predictor,
      List<TrainingSet.Example> holdout) throws TranslateException {
    double[] margins = margins(predictor, holdout);
    double[] scores = new double[margins.length];
    for (int i = 0; i < margins.length; i++) {
      scores[i] = m.scoreOf(margins[i]);
    }
    int[] labels = Examples.labels(holdout);
    double[] prf = BinaryMetrics.precisionRecallF1(scores, labels, 0.5);
    m.evaluation.put("holdout_examples", holdout.size());
    m.evaluation.put("holdout_positives", (int) java.util.Arrays.stream(labels).filter(l -> l > 0).count());
    m.evaluation.put("auc", round(BinaryMetrics.auc(scores, labels)));
    m.evaluation.put("threshold", 0.5);
    m.evaluation.put("precision", round(prf[0]));
    m.evaluation.put("recall", round(prf[1]));
    m.evaluation.put("f1", round(prf[2]));
  }

  /** Margins of the examples, scored in batches of 512. */
  static double[] margins(Predictor<HybridModel.Batch, float[][]> predictor,
      List<TrainingSet.Example> examples) throws TranslateException {
    double[] out = new double[examples.size()];
    for (int from = 0; from < examples.size(); from += 512) {
      int n = Math.min(512, examples.size() - from);
      float[][] rows = new float[n][];
      float[][] logs = new float[n][];
      for (int i = 0; i < n; i++) {
        rows[i] = examples.get(from + i).features();
        logs[i] = examples.get(from + i).logs();
      }
      float[] margins = predictor.predict(new HybridModel.Batch(rows, logs))[0];
      for (int i = 0; i < n; i++) {
        out[from + i] = margins[i];
      }
    }
    return out;
  }

  private static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1e4) / 1e4;
  }
}
