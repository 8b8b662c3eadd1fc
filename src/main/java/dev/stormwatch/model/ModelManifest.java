package dev.stormwatch.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code manifest.json} of a hybrid model artifact: what the parameters need to be served. */
public class ModelManifest {
  /** The artifact format this code writes and serves. */
  public static final String FORMAT = "stormwatch-hybrid/1";
  /** File name of the manifest inside the artifact directory. */
  public static final String FILE = "manifest.json";
  /** DJL model name (the parameter file is {@code hybrid-0000.params}). */
  public static final String MODEL_NAME = "hybrid";

  public String format = FORMAT;
  public String modelVersion = "";
  public String createdAt = "";
  public long stepMillis;
  public int steps;
  public List<String> metrics = new ArrayList<>();
  public double clip;
  public long minBaselineSamples;
  /**
   * Sigmas beyond which deviations are compressed logarithmically before the clip ({@link
   * FeatureSchema#compressAbove}); 0 (and absent, in artifacts from before it) for clipped only.
   */
  public double compressAbove;
  public List<String> logChannels = List.of("error_excess", "warn_excess", "info_volume", "log_baseline");
  public String normalisation = "";
  public int[] kernels = ModelDims.KERNELS.clone();
  public int[] convFilters = new int[0];
  public int lstmHidden;
  public int rffDim;
  public double rffSigma;
  public int logDim;
  /** Log-template tokens per window (0: log branch off). */
  public int logTokens;
  public boolean conv = true;
  public boolean lstm = true;
  /** {@code attention} or {@code concat}. */
  public String fusion = "attention";
  /** {@code rbf_svm} (Deep SVM, hinge loss) or {@code logistic}. */
  public String head = "rbf_svm";
  public long trainableParameters;
  /** Id of the log-template embedding model feeding the log tokens; null while the log branch is off. */
  public String embeddingModel;
  /** sha256 of the embedding model's weights (ONNX file); serving refuses another model. */
  public String embeddingSha256;
  /** Width of the template embeddings. */
  public int embeddingDim;
  public double calibrationA = 1;
  public double calibrationB;
  public Map<String, Object> training = new LinkedHashMap<>();
  public Map<String, Object> evaluation = new LinkedHashMap<>();
  /**
   * Sub-directories holding further members of a seed ensemble, each a complete artifact trained
   * on the same inputs with another seed (empty: this model alone); served as one detector.
   */
  public List<String> ensembleMembers = new ArrayList<>();

  /** The feature schema this artifact was trained on. */
  public FeatureSchema schema() {
    return new FeatureSchema(metrics, steps, clip, minBaselineSamples, compressAbove);
  }

  /** The network dimensions this artifact's parameters have. */
  public ModelDims dims() {
    return new ModelDims(schema().channels(), steps, convFilters, lstmHidden, rffDim, rffSigma,
        logDim, logTokens, Architecture.of(conv, lstm, fusion, head));
  }

  /** Calibrated score in [0, 1] of a margin. */
  public double scoreOf(double margin) {
    return BinaryMetrics.sigmoid(calibrationA * margin + calibrationB);
  }

  public void write(Path file) throws IOException {
    mapper().writeValue(file.toFile(), this);
  }

  public static ModelManifest read(Path file) throws IOException {
    return mapper().readValue(file.toFile(), ModelManifest.class);
  }

  /** The JSON mapping of artifact manifests: snake_case, indented, unknown fields ignored. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
