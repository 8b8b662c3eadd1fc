package dev.stormwatch.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback settings from the YAML file, the command line and the shipped defaults. */
class FeedbackConfigTest {
  @Test
  void shippedConfigHasNoFeedbackSourcesAndTheDefaults() throws Exception {
    JobConfig c = new JobConfig();
    ConfigLoader.applyYaml(c, new File("conf/stormwatch.yaml"));
    assertThat(c.feedbackFiles).isEmpty();
    assertThat(c.feedbackTopic).isEmpty();
    assertThat(c.feedbackHalfLife).isEqualTo(Duration.ofDays(14));
    assertThat(c.feedbackHold).isEqualTo(Duration.ofHours(1));
    assertThat(FeedbackStreams.configured(c)).isFalse();
  }

  @Test
  void yamlAndCommandLineSetFeedbackSources(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("job.yaml");
    Files.writeString(yaml, String.join("\n",
        "kafka:", "  bootstrap: 127.0.0.1:9092", "  feedback-topic: stormwatch.feedback",
        "feedback:", "  files: [a.jsonl]", "  half-life: 7d", "  hold-unknown: 30m", ""));
    JobConfig c = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--output", "out"});
    assertThat(c.feedbackFiles).containsExactly("a.jsonl");
    assertThat(c.feedbackTopic).isEqualTo("stormwatch.feedback");
    assertThat(c.feedbackHalfLife).isEqualTo(Duration.ofDays(7));
    assertThat(c.feedbackHold).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.feedbackLearning().halfLifeMillis()).isEqualTo(Duration.ofDays(7).toMillis());
    c.validate();

    JobConfig cli = ConfigLoader.fromArgs(new String[] {"--input", "in.jsonl", "--output", "out",
        "--feedback", "f1.jsonl", "--feedback", "f2.jsonl"});
    assertThat(cli.feedbackFiles).isEqualTo(List.of("f1.jsonl", "f2.jsonl"));
    assertThat(FeedbackStreams.configured(cli.validate())).isTrue();
  }

  @Test
  void aFeedbackTopicNeedsABootstrapAddress() {
    JobConfig c = new JobConfig();
    c.inputFiles = List.of("in.jsonl");
    c.outputDir = "out";
    c.feedbackTopic = "stormwatch.feedback";
    assertThatThrownBy(c::validate).hasMessageContaining("feedback topic needs kafka.bootstrap");
  }
}
