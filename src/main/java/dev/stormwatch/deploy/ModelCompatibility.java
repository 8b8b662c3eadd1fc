package dev.stormwatch.deploy;

import dev.stormwatch.model.ModelManifest;
import dev.stormwatch.model.peers.PeerManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a hybrid model artifact can replace the one a running job serves: the artifact format
 * this job jar serves, a new version, the job's window step and length, log channels this jar's
 * featurizer produces and, for a model with a log branch, the embedding model this jar bundles.
 * The model is stateless in the job, so its metric vocabulary may differ from the served one
 * (metrics a window lacks are masked), and a log branch may be added or dropped. A GNN forecaster
 * artifact ({@link PeerManifest}) replaces another under the same rules of version and window.
 */
public final class ModelCompatibility {
  private ModelCompatibility() {}

  /** The sentence-embedding model a job built from this jar can serve a log branch with. */
  public record ServableEmbedding(String id, String sha256, int dimension) {}

  /**
   * The reasons the {@code candidate} cannot replace {@code current} in a job whose windows are
   * {@code windowSteps} steps of {@code stepMillis}; empty when it can.
   *
   * @param servable the embedding model this jar serves, or null when it cannot be opened here
   *     (only consulted for a candidate with a log branch)
   */
  public static List<String> problems(ModelManifest current, ModelManifest candidate,
      long stepMillis, int windowSteps, ServableEmbedding servable) {
    List<String> problems = new ArrayList<>();
    if (!ModelManifest.FORMAT.equals(candidate.format)) {
      problems.add("format " + candidate.format + " is not the " + ModelManifest.FORMAT
          + " this job jar serves");
    }
    versionAndWindow(problems, current.modelVersion, candidate.modelVersion, candidate.stepMillis,
        candidate.steps, stepMillis, windowSteps);
    if (candidate.metrics == null || candidate.metrics.isEmpty()) {
      problems.add("the manifest lists no metric channels (feature schema)");
    }
    List<String> logChannels = new ModelManifest().logChannels;
    if (!Objects.equals(candidate.logChannels, logChannels)) {
      problems.add("log channels " + candidate.logChannels + " are not the " + logChannels
          + " this job jar's featurizer produces (feature schema)");
    }
    if (candidate.logDim > 0) {
      if (servable == null) {
        problems.add("the model has a log branch (" + candidate.embeddingModel + ") but no"
            + " sentence-embedding model can be opened here");
      } else if (!servable.id().equals(candidate.embeddingModel)
          || !servable.sha256().equalsIgnoreCase(String.valueOf(candidate.embeddingSha256))
          || servable.dimension() != candidate.embeddingDim) {
        problems.add(String.format("log embedding %s (sha256 %s, %d-d) is not the %s (sha256 %s,"
            + " %d-d) this job jar serves", candidate.embeddingModel, candidate.embeddingSha256,
            candidate.embeddingDim, servable.id(), servable.sha256(), servable.dimension()));
      }
    }
    return problems;
  }

  /**
   * The reasons the forecaster {@code candidate} cannot replace {@code current} in a job whose
   * windows are {@code windowSteps} steps of {@code stepMillis}; empty when it can. (Format, kind
   * and error scales were checked when the manifests were read.)
   */
  public static List<String> forecasterProblems(PeerManifest current, PeerManifest candidate,
      long stepMillis, int windowSteps) {
    List<String> problems = new ArrayList<>();
    versionAndWindow(problems, current.modelVersion, candidate.modelVersion, candidate.stepMillis,
        candidate.steps, stepMillis, windowSteps);
    return problems;
  }

  /** A new, named version trained on the job's windows (both kinds of artifact). */
  private static void versionAndWindow(List<String> problems, String current, String candidate,
      long candidateStepMillis, int candidateSteps, long stepMillis, int windowSteps) {
    if (candidate == null || candidate.isBlank()) {
      problems.add("the manifest has no model_version");
    } else if (candidate.equals(current)) {
      problems.add("the job already serves model_version " + current);
    }
    if (candidateStepMillis != stepMillis || candidateSteps != windowSteps) {
      problems.add(String.format("trained on windows of %d steps of %d ms, the job's windows are"
          + " %d steps of %d ms (window.length / window.slide)", candidateSteps,
          candidateStepMillis, windowSteps, stepMillis));
    }
  }
}
