package dev.stormwatch.model.peers;

import dev.stormwatch.model.BinaryMetrics;
import dev.stormwatch.model.Examples;
import dev.stormwatch.model.FeatureSchema;
import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.TrainingSet;
import dev.stormwatch.model.DjlRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A comparison network trained on a {@link TrainingSet}'s telemetry examples, its evidence turned
 * into a probability by Platt scaling on a sample of the training examples (normal and injected,
 * as the hybrid model is calibrated), with its AUC on the held-out split. The GNN forecaster can
 * be saved as an artifact ({@link PeerManifest}) and loaded again for the job to serve.
 */
public final class PeerModel implements AutoCloseable {
  private final PeerKind kind;
  private final FeatureSchema schema;
  private final PeerNetwork network;
  private double a = 1;
  private double b;
  private double holdoutAuc = Double.NaN;
  private double calibrationPrior = 0.5;
  private double trainSeconds;
  private String version;

  private PeerModel(PeerKind kind, FeatureSchema schema, PeerNetwork network) {
    this.kind = kind;
    this.schema = schema;
    this.network = network;
    this.version = kind.id() + "-peer";
  }

  /** Trains {@code kind} on the set's training split, calibrates it and scores its held-out split. */
  public static PeerModel train(PeerKind kind, TrainingSet set, TrainingOptions options) {
    FeatureSchema schema = set.schema;
    if (set.train.isEmpty()) {
      throw new IllegalArgumentException("no training examples for the " + kind.id() + " peer");
    }
    PeerModel model = new PeerModel(kind, schema, network(kind, schema));
    try {
      long started = System.nanoTime();
      model.network.fit(set.train, options);
      model.calibrate(set.train, new Random(options.seed()));
      model.trainSeconds = (System.nanoTime() - started) / 1e9;
      if (!set.holdout.isEmpty()) {
        model.holdoutAuc = BinaryMetrics.auc(model.probabilities(rows(set.holdout)),
            Examples.labels(set.holdout));
      }
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static PeerNetwork network(PeerKind kind, FeatureSchema schema) {
    return switch (kind) {
      case TCN -> new TcnNetwork(schema.channels(), schema.steps());
      case VAE -> new VaeNetwork(schema.channels(), schema.steps());
      case GAN -> new GanNetwork(schema.channels(), schema.steps());
      case GNN -> new GnnNetwork(schema);
    };
  }

  private void calibrate(List<TrainingSet.Example> train, Random rnd) {
    List<TrainingSet.Example> sample = Examples.calibrationSample(train, rnd);
    float[] evidence = network.evidence(rows(sample));
    double[] e = new double[evidence.length];
    double mean = 0;
    for (int i = 0; i < e.length; i++) {
      e[i] = evidence[i];
      mean += e[i] / e.length;
    }
    double var = 0;
    for (double v : e) {
      var += (v - mean) * (v - mean) / e.length;
    }
    // standardise first: the evidence of the unsupervised networks is on no common scale
    double sd = Math.sqrt(var) > 1e-9 ? Math.sqrt(var) : 1;
    for (int i = 0; i < e.length; i++) {
      e[i] = (e[i] - mean) / sd;
    }
    int[] labels = Examples.labels(sample);
    calibrationPrior = Math.max(1.0, Arrays.stream(labels).filter(l -> l > 0).count())
        / (labels.length + 1.0);
    double[] ab = BinaryMetrics.plattScaling(e, labels);
    a = ab[0] / sd;
    b = ab[1] - ab[0] * mean / sd;
  }

  /** Calibrated anomaly probabilities of rows of features. */
  public double[] probabilities(float[][] rows) {
    float[] evidence = network.evidence(rows);
    double[] p = new double[evidence.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Float.isFinite(evidence[i]) ? BinaryMetrics.sigmoid(a * evidence[i] + b) : Double.NaN;
    }
    return p;
  }

  /**
   * Writes a trained GNN forecaster into {@code dir} (parameters and {@link PeerManifest}); the
   * other peers are comparison detectors only and are refused.
   */
  public void save(Path dir, long stepMillis, String modelVersion, Map<String, Object> training)
      throws IOException {
    if (!(network instanceof GnnNetwork gnn)) {
      throw new IllegalArgumentException("only the gnn forecaster is saved as an artifact, not "
          + kind.id());
    }
    Files.createDirectories(dir);
    gnn.save(dir);
    PeerManifest m = new PeerManifest();
    m.kind = kind.id();
    m.modelVersion = modelVersion;
    m.createdAt = Instant.now().toString();
    m.stepMillis = stepMillis;
    m.steps = schema.steps();
    m.metrics = schema.metrics();
    m.clip = schema.clip();
    m.minBaselineSamples = schema.minBaselineSamples();
    m.compressAbove = schema.compressAbove();
    m.calibrationA = a;
    m.calibrationB = b;
    m.calibrationPrior = calibrationPrior;
    m.errorScale = gnn.errorScale();
    m.trainableParameters = parameters();
    m.training.putAll(training);
    m.evaluation.put("holdout_auc", Double.isNaN(holdoutAuc) ? null : holdoutAuc);
    m.write(dir.resolve(PeerManifest.FILE));
    version = "gnn-" + modelVersion;
  }

  /** Loads a forecaster artifact, refusing it unless it serves windows of this step and length. */
  public static PeerModel load(Path dir, long stepMillis, int steps) throws IOException {
    PeerManifest m = PeerManifest.read(dir);
    if (m.stepMillis != stepMillis || m.steps != steps) {
      throw new IOException(String.format("%s: forecaster trained on %d steps of %d ms cannot serve"
          + " windows of %d steps of %d ms", dir, m.steps, m.stepMillis, steps, stepMillis));
    }
    DjlRuntime.configure();
    FeatureSchema schema = m.schema();
    PeerModel model = new PeerModel(PeerKind.GNN, schema, GnnNetwork.load(schema, dir, m.errorScale));
    model.a = m.calibrationA;
    model.b = m.calibrationB;
    model.calibrationPrior = m.calibrationPrior;
    model.version = "gnn-" + m.modelVersion;
    Object auc = m.evaluation.get("holdout_auc");
    model.holdoutAuc = auc instanceof Number n ? n.doubleValue() : Double.NaN;
    return model;
  }

  /** The version carried into alerts: {@code gnn-<version>} for an artifact, else {@code <kind>-peer}. */
  public String version() {
    return version;
  }

  public PeerKind kind() {
    return kind;
  }

  public FeatureSchema schema() {
    return schema;
  }

  /** AUC of the calibrated scores on the held-out split (NaN without both classes there). */
  public double holdoutAuc() {
    return holdoutAuc;
  }

  /** The share of anomalous examples the probabilities were calibrated on (their prior). */
  public double calibrationPrior() {
    return calibrationPrior;
  }

  /** Seconds spent training and calibrating. */
  public double trainSeconds() {
    return trainSeconds;
  }

  /** Trainable parameters of the network. */
  public long parameters() {
    return network.parameters();
  }

  private static float[][] rows(List<TrainingSet.Example> examples) {
    return examples.stream().map(TrainingSet.Example::features).toArray(float[][]::new);
  }

  @Override
  public void close() {
    network.close();
  }
}
