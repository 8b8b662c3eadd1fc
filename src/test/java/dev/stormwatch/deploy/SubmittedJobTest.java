package dev.stormwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmittedJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static SubmittedJob submitted() throws Exception {
    JobDescriptor d = JobDescriptor.parse(YAML.readTree(Path.of("jobs/local-kafka-hybrid.yaml").toFile()),
        "local-kafka-hybrid.yaml", Map.of("STORMWATCH_HOME", "/repo")::get);
    return new SubmittedJob("abc_job.jar", "job.jar", d.runRequest("file:/sp/savepoint-1"));
  }

  @Test
  void runRequestCarriesTheSubmissionAsAGlobalJobParameterThatDecodesBack() throws Exception {
    SubmittedJob job = submitted();
    assertThat(job.request()).doesNotContainKeys("savepointPath", "claimMode");
    Map<String, Object> body = job.runRequest("file:/sp/savepoint-2", "NO_CLAIM", false);
    assertThat(body).containsEntry("savepointPath", "file:/sp/savepoint-2")
        .containsEntry("claimMode", "NO_CLAIM").containsEntry("allowNonRestoredState", false);
    @SuppressWarnings("unchecked")
    Map<String, String> conf = (Map<String, String>) body.get("flinkConfiguration");
    String parameter = conf.get("pipeline.global-job-parameters");
    assertThat(parameter).startsWith(SubmittedJob.PARAMETER + ":").matches("[\\w.]+:[A-Za-z0-9_-]+");
    assertThat(conf).containsEntry("pipeline.max-parallelism", "128");

    String reply = "{\"jid\":\"x\",\"execution-config\":{\"user-config\":{\"" + SubmittedJob.PARAMETER
        + "\":\"" + parameter.substring(SubmittedJob.PARAMETER.length() + 1) + "\"}}}";
    SubmittedJob back = SubmittedJob.fromJobConfig(JSON.readTree(reply)).orElseThrow();
    assertThat(back).isEqualTo(job);
    assertThat(back.args()).containsSubsequence("--detector", "hybrid");
    assertThat(SubmittedJob.fromJobConfig(JSON.readTree("{\"execution-config\":{}}"))).isEmpty();
  }

  @Test
  void upgradeReplacesOrAppendsTheModelArgument() throws Exception {
    SubmittedJob job = submitted();
    List<String> args = UpgradeModelCommand.withModel(job.args(), "/m/hybrid/v2");
    assertThat(job.args()).endsWith("--model", "/repo/models/hybrid/v1");
    assertThat(args).hasSameSizeAs(job.args()).endsWith("--model", "/m/hybrid/v2");
    assertThat(job.withArgs(args).args()).isEqualTo(args);
    assertThat(UpgradeModelCommand.withModel(List.of("--detector", "hybrid"), "/m/v3"))
        .containsExactly("--detector", "hybrid", "--model", "/m/v3");
  }
}
