package dev.stormwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.model.InferenceDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceConfigTest {
  private static final String[] IO = {"--input", "in.jsonl", "--output", "out"};

  @Test
  void defaultsToAuto() throws Exception {
    JobConfig c = ConfigLoader.fromArgs(IO).validate();
    assertThat(c.device).isEqualTo("auto");
    assertThat(c.inferenceDevice()).isEqualTo(InferenceDevice.AUTO);
  }

  @Test
  void readsDetectorDeviceFromYamlAndTheCommandLineWins(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("job.yaml");
    Files.writeString(yaml, "detector:\n  name: hybrid\n  device: cuda:1\n");
    JobConfig fromFile = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--input", "a",
        "--output", "o"}).validate();
    assertThat(fromFile.inferenceDevice().cudaIndex()).isEqualTo(1);
    JobConfig overridden = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--device", "cpu",
        "--input", "a", "--output", "o"}).validate();
    assertThat(overridden.inferenceDevice()).isEqualTo(InferenceDevice.CPU);
  }

  @Test
  void rejectsAnUnknownDeviceNamingTheSetting() throws Exception {
    JobConfig c = ConfigLoader.fromArgs(new String[] {"--device", "gpu", "--input", "a", "--output", "o"});
    assertThatThrownBy(c::validate)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("detector.device must be auto, cpu or cuda:N, got 'gpu'");
    assertThat(ConfigLoader.usage()).contains("--device auto|cpu|cuda:N");
  }

  @Test
  void theShippedConfigurationSaysAuto() throws Exception {
    JobConfig c = new JobConfig();
    ConfigLoader.applyYaml(c, Path.of("conf/stormwatch.yaml").toFile());
    assertThat(c.device).isEqualTo("auto");
  }
}
