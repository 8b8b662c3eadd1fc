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

  /** The configuration of a job file whose {@code window:} section is {@code setting}, unvalidated. */
  private static JobConfig withWindow(Path dir, String setting) throws Exception {
    Path yaml = dir.resolve("job.yaml");
    Files.writeString(yaml, "window:\n  " + setting + "\n");
    return ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--input", "a", "--output", "o"});
  }

  @Test
  void readsHowFarAheadARecordMayBeAndZeroAcceptsAny(@TempDir Path dir) throws Exception {
    assertThat(withWindow(dir, "max-future: 2h").validate().maxFuture).isEqualTo(java.time.Duration.ofHours(2));
    assertThat(withWindow(dir, "max-future: 0s").validate().maxFuture).isZero();
  }

  @Test
  void readsTheLimitAndRefusesOneOutOfRange(@TempDir Path dir) throws Exception {
    assertThat(withWindow(dir, "max-metrics: 300").validate().maxMetrics).isEqualTo(300);
    JobConfig none = withWindow(dir, "max-metrics: 0");
    assertThatThrownBy(none::validate).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window.max-metrics must be in [1, 4096]");
  }
}
