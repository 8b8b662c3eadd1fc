package dev.stormwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.deploy.ModelCompatibility.ServableEmbedding;
import dev.stormwatch.model.ModelManifest;
import dev.stormwatch.model.peers.PeerManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCompatibilityTest {
  private static final ServableEmbedding MINILM = new ServableEmbedding("all-minilm-l6-v2", "abc123", 384);

  private static ModelManifest shipped() throws Exception {
    return ModelManifest.read(Path.of("models/hybrid/v1/manifest.json"));
  }

  private static ModelManifest candidate() throws Exception {
    ModelManifest m = shipped();
    m.modelVersion = "v2";
    List<String> reordered = new ArrayList<>(m.metrics);
    Collections.reverse(reordered);
    m.metrics = reordered;
    return m;
  }

  @Test
  void aRetrainedModelOnTheSameWindowsIsCompatibleEvenWithAnotherMetricVocabulary() throws Exception {
    assertThat(ModelCompatibility.problems(shipped(), candidate(), 60_000, 10, null)).isEmpty();
    ModelManifest fewer = candidate();
    fewer.metrics = List.of("cpu_util", "error_rate");
    assertThat(ModelCompatibility.problems(shipped(), fewer, 60_000, 10, null)).isEmpty();
  }

  @Test
  void windowsOfTheJobMustMatchTheModel() throws Exception {
    assertThat(ModelCompatibility.problems(shipped(), candidate(), 300_000, 10, null))
        .singleElement().asString().contains("10 steps of 60000 ms").contains("10 steps of 300000 ms");
    ModelManifest shorter = candidate();
    shorter.steps = 5;
    assertThat(ModelCompatibility.problems(shipped(), shorter, 60_000, 10, null))
        .singleElement().asString().contains("5 steps of 60000 ms");
  }

  @Test
  void aLogBranchNeedsTheEmbeddingModelThisJarServes() throws Exception {
    ModelManifest withLogs = candidate();
    withLogs.embeddingModel = "all-minilm-l6-v2";
    withLogs.embeddingSha256 = "ABC123";
    withLogs.embeddingDim = 384;
    withLogs.logDim = 389;
    assertThat(ModelCompatibility.problems(shipped(), withLogs, 60_000, 10, MINILM)).isEmpty();
    assertThat(ModelCompatibility.problems(shipped(), withLogs, 60_000, 10, null))
        .singleElement().asString().contains("no sentence-embedding model can be opened");
    withLogs.embeddingSha256 = "def456";
    assertThat(ModelCompatibility.problems(shipped(), withLogs, 60_000, 10, MINILM))
        .singleElement().asString().contains("sha256 def456").contains("this job jar serves");
  }

  @Test
  void formatVersionAndLogChannelsAreChecked() throws Exception {
    ModelManifest c = candidate();
    c.format = "stormwatch-hybrid/2";
    c.modelVersion = "v1";
    c.logChannels = List.of("error_excess");
    List<String> problems = ModelCompatibility.problems(shipped(), c, 60_000, 10, MINILM);
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).contains("stormwatch-hybrid/2").contains(ModelManifest.FORMAT);
    assertThat(problems.get(1)).contains("already serves model_version v1");
    assertThat(problems.get(2)).contains("log channels [error_excess]");
  }

  private static PeerManifest forecaster(String version, long stepMillis, int steps) {
    PeerManifest m = new PeerManifest();
    m.kind = "gnn";
    m.modelVersion = version;
    m.stepMillis = stepMillis;
    m.steps = steps;
    m.metrics = List.of("cpu_util");
    m.clip = 8;
    m.errorScale = new float[] {1f};
    return m;
  }

  @Test
  void aForecasterNeedsANewVersionOnTheJobsWindows() {
    PeerManifest served = forecaster("v1", 60_000, 10);
    assertThat(ModelCompatibility.forecasterProblems(served, forecaster("v2", 60_000, 10), 60_000, 10))
        .isEmpty();
    assertThat(ModelCompatibility.forecasterProblems(served, forecaster("v1", 60_000, 10), 60_000, 10))
        .singleElement().asString().contains("already serves model_version v1");
    assertThat(ModelCompatibility.forecasterProblems(served, forecaster("v2", 60_000, 5), 60_000, 10))
        .singleElement().asString().contains("5 steps of 60000 ms").contains("10 steps of 60000 ms");
    assertThat(ModelCompatibility.forecasterProblems(served, forecaster(" ", 60_000, 10), 60_000, 10))
        .singleElement().asString().contains("no model_version");
  }
}
