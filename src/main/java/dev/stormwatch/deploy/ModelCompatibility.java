package dev.stormwatch.deploy;

import dev.stormwatch.model.ModelManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether a hybrid model artifact can replace the one a running job serves without touching the
 * job's state: same artifact format (the one this job jar serves), the job's window step and
 * length, the same feature schema (metric channels, log channels) and the same log embedding.
 */
public final class ModelCompatibility {
  private ModelCompatibility() {}

  /**
   * The reasons the {@code candidate} cannot replace {@code current} in a job whose windows are
   * {@code windowSteps} steps of {@code stepMillis}; empty when it can.
   */
  public static List<String> problems(ModelManifest current, ModelManifest candidate,
      long stepMillis, int windowSteps) {
    List<String> problems = new ArrayList<>();
    if (!ModelManifest.FORMAT.equals(candidate.format)) {
      problems.add("format " + candidate.format + " is not the " + ModelManifest.FORMAT
          + " this job jar serves");
    }
    if (candidate.modelVersion == null || candidate.modelVersion.isBlank()) {
      problems.add("the manifest has no model_version");
    } else if (candidate.modelVersion.equals(current.modelVersion)) {
      problems.add("the job already serves model_version " + current.modelVersion);
    }
    if (candidate.stepMillis != stepMillis || candidate.steps != windowSteps) {
      problems.add(String.format("trained on windows of %d steps of %d ms, the job's windows are"
          + " %d steps of %d ms (window.length / window.slide)", candidate.steps,
          candidate.stepMillis, windowSteps, stepMillis));
    }
    if (!new TreeSet<>(candidate.metrics).equals(new TreeSet<>(current.metrics))) {
      problems.add("metric channels " + candidate.metrics + " differ from the served model's "
          + current.metrics + " (feature schema)");
    }
    if (!Objects.equals(candidate.logChannels, current.logChannels)) {
      problems.add("log channels " + candidate.logChannels + " differ from the served model's "
          + current.logChannels + " (feature schema)");
    }
    if (!Objects.equals(candidate.embeddingModel, current.embeddingModel)
        || candidate.logDim != current.logDim) {
      problems.add(String.format("log embedding %s (dim %d) differs from the served model's %s"
          + " (dim %d)", candidate.embeddingModel, candidate.logDim, current.embeddingModel,
          current.logDim));
    }
    return problems;
  }
}
