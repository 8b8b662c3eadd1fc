package dev.stormwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code window.max-metrics} and {@code window.max-future}: shipped defaults, a file's values, refusals. */
class WindowLimitsConfigTest {

  @Test
  void theShippedConfigurationKeeps64() throws Exception {
    JobConfig c = new JobConfig();
    ConfigLoader.applyYaml(c, Path.of("conf/stormwatch.yaml").toFile());
    assertThat(c.maxMetrics).isEqualTo(64).isEqualTo(new JobConfig().maxMetrics);
    assertThat(c.maxFuture).isEqualTo(java.time.Duration.ofMinutes(10)).isEqualTo(new JobConfig().maxFuture);
  }

  @Test
  void readsHowFarAheadARecordMayBeAndZeroAcceptsAny(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("job.yaml");
    Files.writeString(yaml, "window:\n  max-future: 2h\n");
    JobConfig two = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--input", "a",
        "--output", "o"}).validate();
    assertThat(two.maxFuture).isEqualTo(java.time.Duration.ofHours(2));
    Files.writeString(yaml, "window:\n  max-future: 0s\n");
    JobConfig any = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--input", "a",
        "--output", "o"}).validate();
    assertThat(any.maxFuture).isZero();
  }

  @Test
  void readsTheLimitAndRefusesOneOutOfRange(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("job.yaml");
    Files.writeString(yaml, "window:\n  max-metrics: 300\n");
    JobConfig wide = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--input", "a",
        "--output", "o"}).validate();
    assertThat(wide.maxMetrics).isEqualTo(300);

    Files.writeString(yaml, "window:\n  max-metrics: 0\n");
    JobConfig none = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--input", "a",
        "--output", "o"});
    assertThatThrownBy(none::validate).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window.max-metrics must be in [1, 4096]");
  }
}
