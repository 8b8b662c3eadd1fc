package dev.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** detect.sh runs the shipped hybrid model confirmed by the baseline unless told otherwise. */
class DetectCommandDefaultsTest {

  @Test
  void withoutConfigOrDetectorTheShippedConfirmedHybridRuns() throws Exception {
    List<String> args = DetectCommand.withDefaultDetector(List.of("--input", "x.jsonl"), "/repo");
    JobConfig cfg = ConfigLoader.fromArgs(args.toArray(String[]::new));
    assertThat(cfg.detector).isEqualTo("hybrid-confirmed");
    assertThat(cfg.modelDir).isEqualTo("/repo/models/hybrid/v4");
    assertThat(cfg.decidesOnPosterior()).as("auto decides on the posterior for hybrid-confirmed").isTrue();
  }

  @Test
  void anExplicitDetectorOrConfigFileIsLeftAlone() {
    List<String> explicit = List.of("--detector", "baseline", "--input", "x.jsonl");
    assertThat(DetectCommand.withDefaultDetector(explicit, "/repo")).isEqualTo(explicit);
    List<String> config = List.of("--config", "conf/stormwatch.yaml");
    assertThat(DetectCommand.withDefaultDetector(config, "/repo")).isEqualTo(config);
  }

  @Test
  void theShippedModelAndTheConfigFileAgreeWithTheDefault() throws Exception {
    assertThat(Path.of(DetectCommand.DEFAULT_MODEL, "manifest.json")).isRegularFile();
    JobConfig fromFile = ConfigLoader.fromArgs(new String[] {"--config", "conf/stormwatch.yaml"});
    assertThat(fromFile.detector).isEqualTo(DetectCommand.DEFAULT_DETECTOR);
    assertThat(fromFile.modelDir).isEqualTo(DetectCommand.DEFAULT_MODEL);
    assertThat(Files.isDirectory(Path.of(fromFile.modelDir))).isTrue();
  }
}
