package dev.stormwatch.model;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import java.io.IOException;
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

  /** The largest absolute difference between two artifacts' parameters of the same shapes. */
  static double maxDifference(Path a, Path b) throws IOException {
    float[][] x = read(a);
    float[][] y = read(b);
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        max = Math.max(max, Math.abs(x[i][j] - y[i][j]));
      }
    }
    return max;
  }
}
