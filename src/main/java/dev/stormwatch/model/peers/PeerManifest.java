package dev.stormwatch.model.peers;

import dev.stormwatch.model.FeatureSchema;
import dev.stormwatch.model.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a forecaster artifact (the GNN peer served by the job): its feature
 * schema, window, calibration and the per-channel error scales its evidence is measured in.
 */
public class PeerManifest {
  /** The artifact format this code writes and serves. */
  public static final String FORMAT = "stormwatch-forecaster/1";
  /** File name of the manifest inside the artifact directory. */
  public static final String FILE = "manifest.json";

  public String format = FORMAT;
  public String kind = "";
  public String modelVersion = "";
  public String createdAt = "";
  public long stepMillis;
  public int steps;
  public List<String> metrics = new ArrayList<>();
  public double clip;
  public long minBaselineSamples;
  public double compressAbove;
  public double calibrationA = 1;
  public double calibrationB;
  public double calibrationPrior = 0.5;
  /** Each metric channel's mean forecast error on the normal training windows. */
  public float[] errorScale = new float[0];
  public long trainableParameters;
  public Map<String, Object> training = new LinkedHashMap<>();
  public Map<String, Object> evaluation = new LinkedHashMap<>();

  /** The feature schema this artifact was trained on. */
  public FeatureSchema schema() {
    return new FeatureSchema(metrics, steps, clip, minBaselineSamples, compressAbove);
  }

  public void write(Path file) throws IOException {
    ModelManifest.mapper().writeValue(file.toFile(), this);
  }

  /** Reads {@code dir}'s manifest and refuses one this code cannot serve, saying why. */
  public static PeerManifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(dir + ": not a forecaster artifact (no " + FILE + ")");
    }
    PeerManifest m = ModelManifest.mapper().readValue(file.toFile(), PeerManifest.class);
    if (!FORMAT.equals(m.format)) {
      throw new IOException(dir + ": artifact format '" + m.format + "' is not " + FORMAT
          + ", which this version serves as a forecaster");
    }
    if (!PeerKind.GNN.id().equals(m.kind)) {
      throw new IOException(dir + ": forecaster kind '" + m.kind + "' is not gnn, the one served");
    }
    try {
      m.schema();
    } catch (IllegalArgumentException e) {
      throw new IOException(dir + ": " + e.getMessage(), e);
    }
    if (m.stepMillis < 1 || m.errorScale == null || m.errorScale.length != m.metrics.size()) {
      throw new IOException(dir + ": manifest needs step_millis and one error_scale per metric");
    }
    return m;
  }
}
