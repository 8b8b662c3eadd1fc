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
 * A loaded hybrid model artifact: its validated manifest, featurizer, embedding model (with a log
 * branch) and DJL model. Use {@link #newPredictor()} for batched margins; close to release the
 * native memory.
 */
public final class HybridModel implements AutoCloseable {
  /** Supplies the embedding model an artifact's log branch needs. */
  @FunctionalInterface
  public interface EmbeddingSource {
    EmbeddingModel open() throws IOException;
  }

  /** One batch: feature rows and, with a log branch, flat log-token rows (null: all absent). */
  public record Batch(float[][] features, float[][] logs) {}

  private final ModelManifest manifest;
  private final WindowFeaturizer featurizer;
  private final EmbeddingModel embedding;
  private final Model model;

  private HybridModel(ModelManifest manifest, EmbeddingModel embedding, Model model) {
    this.manifest = manifest;
    this.featurizer = new WindowFeaturizer(manifest.schema());
    this.embedding = embedding;
    this.model = model;
  }

  /** Loads and validates an artifact directory onto device {@code auto}. */
  public static HybridModel load(Path dir) throws IOException {
    return load(dir, InferenceDevice.AUTO, EmbeddingModel::bundled);
  }

  /**
   * Loads and validates an artifact directory onto a device (the bundled embedding model for a
   * log branch).
   *
   * @throws DeviceUnavailableException when {@code cuda:N} was asked for and cannot be used
   */
  public static HybridModel load(Path dir, InferenceDevice device) throws IOException {
    return load(dir, device, EmbeddingModel::bundled);
  }

  /** Loads and validates an artifact directory onto device {@code auto}, embeddings from {@code embeddings}. */
  public static HybridModel load(Path dir, EmbeddingSource embeddings) throws IOException {
    return load(dir, InferenceDevice.AUTO, embeddings);
  }

  /**
   * Loads and validates an artifact directory onto a device; an artifact with a log branch gets its
   * embedding model from {@code embeddings} and is refused unless its id, sha256 and width match
   * the manifest's.
   *
   * @throws DeviceUnavailableException when {@code cuda:N} was asked for and cannot be used
   */
  public static HybridModel load(Path dir, InferenceDevice device, EmbeddingSource embeddings)
      throws IOException {
    ModelManifest manifest = readValidated(dir);
    EmbeddingModel embedding = manifest.logDim > 0 ? requireEmbedding(dir, manifest, embeddings) : null;
    DjlRuntime.configure();
    Model model = Model.newInstance(ModelManifest.MODEL_NAME, DjlRuntime.device(device), DjlRuntime.ENGINE);
    try {
      HybridModelBlock block = new HybridModelBlock(manifest.dims());
      model.setBlock(block);
      model.load(dir, ModelManifest.MODEL_NAME);
      requireShapes(block, manifest.dims(), model.getNDManager());
      return new HybridModel(manifest, embedding, model);
    } catch (MalformedModelException | IOException | RuntimeException e) {
      model.close();
      throw new IOException(dir + ": cannot load the model parameters: " + e.getMessage(), e);
    }
  }

  private static EmbeddingModel requireEmbedding(Path dir, ModelManifest m, EmbeddingSource source)
      throws IOException {
    EmbeddingModel e = source.open();
    if (!e.id().equals(m.embeddingModel) || !e.sha256().equalsIgnoreCase(m.embeddingSha256)
        || e.dimension() != m.embeddingDim) {
      throw new IOException(String.format("%s: the log branch was trained on embedding model %s"
          + " (sha256 %s, %d-d) but this process serves %s (sha256 %s, %d-d); retrain the model"
          + " or serve it with its embedding model", dir, m.embeddingModel, m.embeddingSha256,
          m.embeddingDim, e.id(), e.sha256(), e.dimension()));
    }
    return e;
  }

  /** Loads an artifact and refuses it unless it was trained on windows of this step and length. */
  public static HybridModel load(Path dir, long stepMillis, int steps) throws IOException {
    return load(dir, stepMillis, steps, InferenceDevice.AUTO, EmbeddingModel::bundled);
  }

  /** As {@link #load(Path, long, int)}, onto a device. */
  public static HybridModel load(Path dir, long stepMillis, int steps, InferenceDevice device)
      throws IOException {
    return load(dir, stepMillis, steps, device, EmbeddingModel::bundled);
  }

  /** As {@link #load(Path, long, int)} with the embedding model from {@code embeddings}. */
  public static HybridModel load(Path dir, long stepMillis, int steps, EmbeddingSource embeddings)
      throws IOException {
    return load(dir, stepMillis, steps, InferenceDevice.AUTO, embeddings);
  }

  /** As {@link #load(Path, long, int)}, onto a device, embeddings from {@code embeddings}. */
  public static HybridModel load(Path dir, long stepMillis, int steps, InferenceDevice device,
      EmbeddingSource embeddings)
      throws IOException {
    ModelManifest m = readValidated(dir);
    if (m.stepMillis != stepMillis || m.steps != steps) {
      throw new IOException(String.format(
          "%s: model trained on %d steps of %d ms cannot serve windows of %d steps of %d ms",
          dir, m.steps, m.stepMillis, steps, stepMillis));
    }
    return load(dir, device, embeddings);
  }

  /** Fails unless every loaded parameter has the shape the manifest's dimensions give it. */
  private static void requireShapes(HybridModelBlock loaded, ModelDims dims, NDManager parent) {
    try (NDManager scratch = parent.newSubManager()) {
      HybridModelBlock expected = new HybridModelBlock(dims);
      expected.initialize(scratch, DataType.FLOAT32, inputShapes(dims, 1));
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
    if (!(m.compressAbove >= 0 && m.compressAbove < m.clip)) {
      throw new IOException(dir + ": compress_above " + m.compressAbove + " must be 0 (none) or"
          + " below the clip " + m.clip);
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
    if (m.logDim > 0 && (m.embeddingModel == null || m.embeddingSha256 == null
        || m.logDim != m.embeddingDim + dev.stormwatch.model.logs.LogWindowFeatures.EXTRA_FEATURES
        || m.logTokens < 1)) {
      throw new IOException(dir + ": a log branch (log_dim " + m.logDim + ") needs log_tokens,"
          + " embedding_model, embedding_sha256 and log_dim = embedding_dim + "
          + dev.stormwatch.model.logs.LogWindowFeatures.EXTRA_FEATURES);
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

  /** The embedding model of the log branch, or null without one. */
  public EmbeddingModel embedding() {
    return embedding;
  }

  /** A fresh log branch (own template cache) for one scoring thread, or null without one. */
  public LogBranch newLogBranch() {
    return embedding == null ? null : new LogBranch(embedding, manifest.logTokens);
  }

  /** The model version carried into alerts: {@code hybrid-<version>}. */
  public String modelVersion() {
    return "hybrid-" + manifest.modelVersion;
  }

  /** The DJL device the parameters live on. */
  public ai.djl.Device device() {
    return model.getNDManager().getDevice();
  }

  /** A predictor from a batch to {@code [margins, attention rows]}. */
  public Predictor<Batch, float[][]> newPredictor() {
    return model.newPredictor(new RowsTranslator(manifest.schema(), manifest.dims()));
  }

  @Override
  public void close() {
    model.close();
  }

  /** The block's input shapes for a batch: features, and log tokens with a log branch. */
  static Shape[] inputShapes(ModelDims dims, int batch) {
    Shape features = new Shape(batch, dims.channels(), dims.steps());
    return dims.logDim() > 0
        ? new Shape[] {features, new Shape(batch, dims.logTokens(), dims.logDim())}
        : new Shape[] {features};
  }

  /** The batch's log tokens as one flat array; absent rows stay zero. */
  static float[] flatLogs(float[][] logs, int n, ModelDims dims) {
    int size = dims.logTokens() * dims.logDim();
    float[] flat = new float[n * size];
    for (int i = 0; logs != null && i < n; i++) {
      if (logs[i] != null) {
        System.arraycopy(logs[i], 0, flat, i * size, size);
      }
    }
    return flat;
  }

  /** A batch in, margins (row 0) and per-window attention (rows 1..n) out. */
  static final class RowsTranslator implements NoBatchifyTranslator<Batch, float[][]> {
    private final FeatureSchema schema;
    private final ModelDims dims;

    RowsTranslator(FeatureSchema schema, ModelDims dims) {
      this.schema = schema;
      this.dims = dims;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Batch batch) {
      NDManager manager = ctx.getNDManager();
      float[][] rows = batch.features();
      float[] flat = new float[rows.length * schema.size()];
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(rows[i], 0, flat, i * schema.size(), schema.size());
      }
      NDList in = new NDList(DjlRuntime.owned(manager, flat,
          new Shape(rows.length, schema.channels(), schema.steps())));
      if (dims.logDim() > 0) {
        in.add(DjlRuntime.owned(manager, flatLogs(batch.logs(), rows.length, dims),
            new Shape(rows.length, dims.logTokens(), dims.logDim())));
      }
      return in;
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
