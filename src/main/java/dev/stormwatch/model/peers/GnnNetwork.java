package dev.stormwatch.model.peers;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.stormwatch.model.DjlRuntime;
import dev.stormwatch.model.FeatureSchema;
import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.TrainingSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The GNN peer: a {@link GnnBlock} over the window's metric channels, trained on the normal
 * examples only to forecast each present channel's newest value; as in GDN, each channel's absolute
 * forecast error is divided by that channel's mean error on the normal training windows, and the
 * evidence is the largest of these over the channels present in the newest step.
 */
final class GnnNetwork implements PeerNetwork {
  static final int EMBEDDING = 8;
  static final int HIDDEN = 32;
  /** DJL model name (the parameter file is {@code gnn-0000.params}). */
  static final String NAME = "gnn";

  private final FeatureSchema schema;
  private final int metrics;
  private final long[] rowShape;
  private final GnnBlock block;
  private final Model model;
  private final float[] errorScale;

  GnnNetwork(FeatureSchema schema) {
    this.schema = schema;
    this.metrics = schema.metrics().size();
    this.rowShape = new long[] {2L * metrics, schema.steps()};
    this.block = new GnnBlock(metrics, EMBEDDING, HIDDEN);
    this.model = PeerTraining.model(NAME, block);
    this.errorScale = new float[metrics];
    Arrays.fill(errorScale, 1f);
  }

  /** A window's metric values and presence masks (the first {@code 2 * metrics} channels). */
  private float[] metricRows(float[] features) {
    return Arrays.copyOf(features, 2 * metrics * schema.steps());
  }

  @Override
  public void fit(List<TrainingSet.Example> train, TrainingOptions options) {
    DjlRuntime.engine().setRandomSeed((int) options.seed());
    List<float[]> normal = new ArrayList<>();
    for (TrainingSet.Example e : train) {
      if (e.label() < 0) {
        normal.add(metricRows(e.features()));
      }
    }
    int steps = schema.steps();
    try (Trainer trainer = PeerTraining.trainer(model, Loss.l2Loss(), options,
        PeerTraining.shape(options.batchSize(), rowShape))) {
      PeerTraining.epochs(trainer, normal, new float[normal.size()],
          rowShape, options, new Random(options.seed()), (out, x, y) -> {
            NDArray values = x.get(":, 0:" + metrics + ", " + (steps - 1));
            NDArray present = x.get(":, " + metrics + ":, " + (steps - 1));
            return out.get(0).sub(values).square().mul(present).sum()
                .div(present.sum().add(1f));
          });
    }
    float[][] errors = errors(normal.toArray(float[][]::new));
    float[] sum = new float[metrics];
    int[] count = new int[metrics];
    for (float[] row : errors) {
      for (int m = 0; m < metrics; m++) {
        if (Float.isFinite(row[m])) {
          sum[m] += row[m];
          count[m]++;
        }
      }
    }
    for (int m = 0; m < metrics; m++) {
      errorScale[m] = count[m] == 0 ? 1f : Math.max(1e-3f, sum[m] / count[m]);
    }
  }

  /** Absolute forecast error per window and metric; NaN where the metric is absent in the newest step. */
  private float[][] errors(float[][] rows) {
    int steps = schema.steps();
    float[][] forecasts = PeerTraining.inferRows(model, rows, rowShape, (o, x) -> o.get(0));
    float[][] out = new float[rows.length][metrics];
    for (int i = 0; i < rows.length; i++) {
      for (int m = 0; m < metrics; m++) {
        boolean present = rows[i][(metrics + m) * steps + steps - 1] > 0;
        out[i][m] = present ? Math.abs(forecasts[i][m] - rows[i][m * steps + steps - 1]) : Float.NaN;
      }
    }
    return out;
  }

  @Override
  public float[] evidence(float[][] rows) {
    float[][] metricRows = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      metricRows[i] = metricRows(rows[i]);
    }
    float[][] errors = errors(metricRows);
    float[] out = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      float worst = 0;
      for (int m = 0; m < metrics; m++) {
        if (Float.isFinite(errors[i][m])) {
          worst = Math.max(worst, errors[i][m] / errorScale[m]);
        }
      }
      out[i] = worst;
    }
    return out;
  }

  /** Each metric channel's mean forecast error on the normal training windows (the evidence's units). */
  float[] errorScale() {
    return errorScale.clone();
  }

  /** Writes the trained parameters into {@code dir}. */
  void save(Path dir) throws IOException {
    model.save(dir, NAME);
  }

  /** A network with the parameters {@link #save} wrote into {@code dir} and these error scales. */
  static GnnNetwork load(FeatureSchema schema, Path dir, float[] errorScale) throws IOException {
    GnnNetwork network = new GnnNetwork(schema);
    try {
      if (errorScale == null || errorScale.length != network.metrics) {
        throw new IOException("error_scale needs one value per metric channel ("
            + network.metrics + ")");
      }
      System.arraycopy(errorScale, 0, network.errorScale, 0, network.metrics);
      network.model.load(dir, NAME);
      return network;
    } catch (MalformedModelException | IOException | RuntimeException e) {
      network.close();
      throw new IOException(dir + ": cannot load the gnn parameters: " + e.getMessage(), e);
    }
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
