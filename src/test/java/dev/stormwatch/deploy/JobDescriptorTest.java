package dev.stormwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobDescriptorTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JobDescriptor parse(String yaml, Map<String, String> env) throws Exception {
    JsonNode root = YAML.readTree(yaml);
    return JobDescriptor.parse(root, "test.yaml", env::get);
  }

  @Test
  void repositoryDescriptorBuildsRunRequestWithDefaults() throws Exception {
    JobDescriptor job = JobDescriptor.load(Path.of("jobs/local-kafka.yaml"));
    assertThat(job.entryClass()).isEqualTo("dev.stormwatch.StormwatchJob");
    assertThat(job.args()).containsSubsequence("--kafka", "127.0.0.1:9092")
        .containsSubsequence("--alerts-topic", "stormwatch.alerts");
    Map<String, Object> body = job.runRequest(null);
    assertThat(body).containsEntry("parallelism", 2).doesNotContainKey("savepointPath");
    @SuppressWarnings("unchecked")
    Map<String, String> conf = (Map<String, String>) body.get("flinkConfiguration");
    assertThat(conf).containsEntry("pipeline.max-parallelism", "128")
        .containsEntry("execution.checkpointing.interval", "30s")
        .containsEntry("execution.checkpointing.externalized-checkpoint-retention",
            "RETAIN_ON_CANCELLATION");
  }

  @Test
  void modelDescriptorsServeTheShippedModelsOfTheirDetector() throws Exception {
    Map<String, String> env = Map.of("STORMWATCH_HOME", Path.of("").toAbsolutePath().toString());
    for (String file : List.of("jobs/local-kafka-hybrid.yaml", "jobs/local-kafka-gnn.yaml")) {
      JobDescriptor job = JobDescriptor.parse(YAML.readTree(Path.of(file).toFile()), file, env::get);
      List<String> args = job.args();
      String detector = args.get(args.indexOf("--detector") + 1);
      String model = args.get(args.indexOf("--model") + 1);
      assertThat(model).as(file).endsWith("/models/" + detector + "/v1");
      var config = dev.stormwatch.detect.BaselineConfig.defaults();
      try (var d = dev.stormwatch.detect.Detectors.factory(detector, model, config).create()) {
        assertThat(d.modelVersion()).as(file).isEqualTo(detector + "-v1");
      }
    }
  }

  @Test
  void environmentVariablesAndSavepointRestore() throws Exception {
    JobDescriptor job = parse("""
        entryClass: a.B
        args: [--kafka, "${BOOT:-127.0.0.1:9092}", --group, "${GROUP:-g}"]
        savepoints: {claimMode: claim, allowNonRestoredState: true}
        config: {state.backend.type: rocksdb}
        """, Map.of("BOOT", "10.0.0.1:19092"));
    assertThat(job.args()).isEqualTo(List.of("--kafka", "10.0.0.1:19092", "--group", "g"));
    Map<String, Object> body = job.runRequest("file:/sp/savepoint-1");
    assertThat(body).containsEntry("savepointPath", "file:/sp/savepoint-1")
        .containsEntry("claimMode", "CLAIM").containsEntry("allowNonRestoredState", true)
        .doesNotContainKey("parallelism");
    assertThat(job.flinkConfiguration()).containsEntry("state.backend.type", "rocksdb");
  }

  @Test
  void rejectsMistakes() {
    assertThatThrownBy(() -> parse("args: []", Map.of()))
        .hasMessageContaining("entryClass is required");
    assertThatThrownBy(() -> parse("entryClass: a.B\nparalelism: 2", Map.of()))
        .hasMessageContaining("unknown key 'paralelism'");
    assertThatThrownBy(() -> parse("entryClass: a.B\ncheckpoints: {every: 1s}", Map.of()))
        .hasMessageContaining("unknown checkpoints key 'every'");
    assertThatThrownBy(() -> parse("entryClass: a.B\nparallelism: 8\nmaxParallelism: 4", Map.of()))
        .hasMessageContaining("parallelism <= maxParallelism");
    assertThatThrownBy(() -> parse("entryClass: a.B\nargs: [\"${MISSING}\"]", Map.of()))
        .hasMessageContaining("MISSING is not set");
    assertThatThrownBy(() -> parse("entryClass: a.B\nsavepoints: {claimMode: legacy}", Map.of()))
        .hasMessageContaining("CLAIM or NO_CLAIM");
  }
}
