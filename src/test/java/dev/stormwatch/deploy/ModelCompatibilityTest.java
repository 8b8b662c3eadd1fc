package dev.stormwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.model.ModelManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCompatibilityTest {
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
  void aRetrainedModelOnTheSameSchemaAndWindowsIsCompatible() throws Exception {
    assertThat(ModelCompatibility.problems(shipped(), candidate(), 60_000, 10)).isEmpty();
  }

  @Test
  void windowsOfTheJobMustMatchTheModel() throws Exception {
    assertThat(ModelCompatibility.problems(shipped(), candidate(), 300_000, 10))
        .singleElement().asString().contains("10 steps of 60000 ms").contains("10 steps of 300000 ms");
    ModelManifest shorter = candidate();
    shorter.steps = 5;
    assertThat(ModelCompatibility.problems(shipped(), shorter, 60_000, 10))
        .singleElement().asString().contains("5 steps of 60000 ms");
  }

  @Test
  void formatVersionSchemaAndEmbeddingAreChecked() throws Exception {
    ModelManifest c = candidate();
    c.format = "stormwatch-hybrid/2";
    c.modelVersion = "v1";
    c.metrics = List.of("cpu_util", "error_rate");
    c.embeddingModel = "all-minilm-l6-v2";
    c.logDim = 384;
    List<String> problems = ModelCompatibility.problems(shipped(), c, 60_000, 10);
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0)).contains("stormwatch-hybrid/2").contains(ModelManifest.FORMAT);
    assertThat(problems.get(1)).contains("already serves model_version v1");
    assertThat(problems.get(2)).contains("metric channels [cpu_util, error_rate]");
    assertThat(problems.get(3)).contains("log embedding all-minilm-l6-v2 (dim 384)");
  }
}
