package dev.stormwatch.model;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a trained artifact's parameters back as float arrays, to compare two trainings. */
final class TrainedParameters {
  private TrainedParameters() {}

  /** Every parameter of the artifact in {@code dir}, in the block's order. */
  static float[][] read(Path dir) throws IOException {
    ModelManifest manifest = ModelManifest.read(dir.resolve(ModelManifest.FILE));
    try (Model model = Model.newInstance(ModelManifest.MODEL_NAME, DjlRuntime.ENGINE)) {
      HybridModelBlock block = new HybridModelBlock(manifest.dims());
      model.setBlock(block);
      model.load(dir, ModelManifest.MODEL_NAME);
      var parameters = block.getParameters();
      float[][] out = new float[parameters.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = parameters.get(i).getValue().getArray().toFloatArray();
      }
      return out;
    } catch (MalformedModelException e) {
      throw new IOException(e);
    }
  }

  /**
   * How far apart two artifacts' parameters are: the L2 norm of their difference over all
   * parameters, relative to the L2 norm of {@code a}'s parameters (about 1.4 for independent
   * initialisations of the same shapes).
   */
  static double relativeDifference(Path a, Path b) throws IOException {
    float[][] x = read(a);
    float[][] y = read(b);
    double difference = 0;
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        double d = (double) x[i][j] - y[i][j];
        difference += d * d;
        norm += (double) x[i][j] * x[i][j];
      }
    }
    return Math.sqrt(difference / norm);
  }

  /** The CPU, core count and PyTorch threads, for a failure message from another machine. */
  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
          .orElse(cpu);
    } catch (IOException | RuntimeException e) {
      cpu = "CPU not readable (" + e + ")";
    }
    return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, PyTorch intra-op threads "
        + JniUtils.getNumThreads() + ", inter-op " + JniUtils.getNumInteropThreads();
  }
}
