package dev.stormwatch.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A loaded hybrid model artifact: its validated manifest, featurizer and DJL model. Use {@link
 * #newPredictor()} for batched margins; close to release the native memory.
 */
public final class HybridModel implements AutoCloseable {
  private final ModelManifest manifest;
  private final WindowFeaturizer featurizer;
  private final Model model;

  private HybridModel(ModelManifest manifest, Model model) {
    this.manifest = manifest;
    this.featurizer = new WindowFeaturizer(manifest.schema());
    this.model = model;
  }

  /** Loads and validates an artifact directory onto device {@code auto}. */
  public static HybridModel load(Path dir) throws IOException {
    return load(dir, InferenceDevice.AUTO);
  }

  /**
   * Loads and validates an artifact directory onto a device.
   *
   * @throws DeviceUnavailableException when {@code cuda:N} was asked for and cannot be used
   */
  public static HybridModel load(Path dir, InferenceDevice device) throws IOException {
    ModelManifest manifest = readValidated(dir);
    DjlRuntime.configure();
    Model model = Model.newInstance(ModelManifest.MODEL_NAME, DjlRuntime.device(device), DjlRuntime.ENGINE);
    try {
      HybridModelBlock block = new HybridModelBlock(manifest.dims());
      model.setBlock(block);
      model.load(dir, ModelManifest.MODEL_NAME);
      requireShapes(block, manifest.dims(), model.getNDManager());
      return new HybridModel(manifest, model);
    } catch (MalformedModelException | IOException | RuntimeException e) {
      model.close();
      throw new IOException(dir + ": cannot load the model parameters: " + e.getMessage(), e);
    }
  }

  /** Loads an artifact and refuses it unless it was trained on windows of this step and length. */
  public static HybridModel load(Path dir, long stepMillis, int steps) throws IOException {
    return load(dir, stepMillis, steps, InferenceDevice.AUTO);
  }

  /** As {@link #load(Path, long, int)}, onto a device. */
  public static HybridModel load(Path dir, long stepMillis, int steps, InferenceDevice device)
      throws IOException {
    ModelManifest m = readValidated(dir);
    if (m.stepMillis != stepMillis || m.steps != steps) {
      throw new IOException(String.format(
          "%s: model trained on %d steps of %d ms cannot serve windows of %d steps of %d ms",
          dir, m.steps, m.stepMillis, steps, stepMillis));
    }
    return load(dir, device);
  }

  /** Fails unless every loaded parameter has the shape the manifest's dimensions give it. */
  private static void requireShapes(HybridModelBlock loaded, ModelDims dims, NDManager parent) {
    try (NDManager scratch = parent.newSubManager()) {
      HybridModelBlock expected = new HybridModelBlock(dims);
      expected.initialize(scratch, DataType.FLOAT32, new Shape(1, dims.channels(), dims.steps()));
      var want = expected.getParameters();
      var got = loaded.getParameters();
      for (int i = 0; i < want.size(); i++) {
        Shape w = want.get(i).getValue().getArray().getShape();
        Shape g = got.get(i).getValue().getArray().getShape();
        if (!w.equals(g)) {
          throw new IllegalArgumentException("parameter " + got.get(i).getKey() + " has shape " + g
              + " but the manifest's feature schema needs " + w);
        }
      }
    }
  }

  /** Reads the manifest and checks that this code can serve it. */
  static ModelManifest readValidated(Path dir) throws IOException {
    Path file = dir.resolve(ModelManifest.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(dir + ": not a hybrid model artifact (no " + ModelManifest.FILE + ")");
    }
    ModelManifest m = ModelManifest.read(file);
    if (!ModelManifest.FORMAT.equals(m.format)) {
      throw new IOException(dir + ": artifact format '" + m.format + "' is not "
          + ModelManifest.FORMAT + ", which this version serves");
    }
    if (m.metrics == null || m.metrics.isEmpty() || m.steps < 1 || m.stepMillis < 1
        || !(m.clip > 0)) {
      throw new IOException(dir + ": manifest needs metrics, steps, step_millis and clip");
    }
    if (m.logChannels == null || m.logChannels.size() != FeatureSchema.LOG_CHANNELS) {
      throw new IOException(dir + ": manifest has " + (m.logChannels == null ? 0 : m.logChannels.size())
          + " log channels; this version builds " + FeatureSchema.LOG_CHANNELS);
    }
    if (!java.util.Arrays.equals(m.kernels, ModelDims.KERNELS)) {
      throw new IOException(dir + ": convolution kernels " + java.util.Arrays.toString(m.kernels)
          + " differ from the served " + java.util.Arrays.toString(ModelDims.KERNELS));
    }
    if (m.embeddingModel != null && m.logDim == 0) {
      throw new IOException(dir + ": embedding model " + m.embeddingModel + " without a log_dim");
    }
    try {
      m.dims();
    } catch (IllegalArgumentException e) {
      throw new IOException(dir + ": " + e.getMessage(), e);
    }
    return m;
  }

  public ModelManifest manifest() {
    return manifest;
  }

  public WindowFeaturizer featurizer() {
    return featurizer;
  }

  /** The model version carried into alerts: {@code hybrid-<version>}. */
  public String modelVersion() {
    return "hybrid-" + manifest.modelVersion;
  }

  /** The DJL device the parameters live on. */
  public ai.djl.Device device() {
    return model.getNDManager().getDevice();
  }

  /** A predictor from feature rows to {@code [margins, attention rows]}. */
  public Predictor<float[][], float[][]> newPredictor() {
    return model.newPredictor(new RowsTranslator(manifest.schema()));
  }

  @Override
  public void close() {
    model.close();
  }

  /** Feature rows in, margins (row 0) and per-window attention (rows 1..n) out. */
  static final class RowsTranslator implements NoBatchifyTranslator<float[][], float[][]> {
    private final FeatureSchema schema;

    RowsTranslator(FeatureSchema schema) {
      this.schema = schema;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] rows) {
      NDManager manager = ctx.getNDManager();
      float[] flat = new float[rows.length * schema.size()];
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(rows[i], 0, flat, i * schema.size(), schema.size());
      }
      return new NDList(manager.create(flat, new Shape(rows.length, schema.channels(), schema.steps())));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList out) {
      float[] margins = out.get(0).toFloatArray();
      long tokens = out.get(1).getShape().get(1);
      float[] attention = out.get(1).toFloatArray();
      float[][] result = new float[margins.length + 1][];
      result[0] = margins;
      for (int i = 0; i < margins.length; i++) {
        result[i + 1] = java.util.Arrays.copyOfRange(attention, (int) (i * tokens), (int) ((i + 1) * tokens));
      }
      return result;
    }
  }
}
