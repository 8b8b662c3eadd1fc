package dev.stormwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.alert.AlertState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alert.early-warning in YAML and --early-warning on the command line. */
class EarlyWarningConfigTest {
  private static DetectionResult early(long minute, double early) {
    DetectionResult r = new DetectionResult();
    r.live = true;
    r.provider = "gcp";
    r.service = "shipping";
    r.windowEnd = minute * 60_000L;
    r.earlyScore = early;
    r.modelVersion = "hybrid-v3+baseline-1";
    return r;
  }

  /** The minute (1-based) at which a run of early scores of 0.95 raises a warning, or -1. */
  private static int warnsAt(JobConfig c) {
    AlertState s = new AlertState();
    for (int m = 1; m <= 10; m++) {
      if (c.earlyWarningPolicy().advance(s, early(m, 0.95), null, c.earlyWarningMinHistory.toMillis()) != null) {
        return m;
      }
    }
    return -1;
  }

  @Test
  void theShippedConfigurationWarnsAfterFourWindowsAndTheDefaultsAgree() throws Exception {
    JobConfig shipped = new JobConfig();
    ConfigLoader.applyYaml(shipped, Path.of("conf/stormwatch.yaml").toFile());
    assertThat(warnsAt(shipped)).isEqualTo(4);
    assertThat(warnsAt(new JobConfig())).isEqualTo(4);
  }

  @Test
  void readsTheMapAndTheCommandLineSwitchesItOff(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("job.yaml");
    Files.writeString(yaml, "alert:\n  early-warning:\n    threshold: 0.8\n    raise-after: 2\n"
        + "    clear-threshold: 0.3\n    clear-after: 7\n    min-history: 6h\n");
    JobConfig c = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--input", "a",
        "--output", "o"}).validate();
    assertThat(warnsAt(c)).isEqualTo(2);
    assertThat(c.earlyWarningClearAfter).isEqualTo(7);
    assertThat(c.earlyWarningMinHistory).isEqualTo(java.time.Duration.ofHours(6));
    JobConfig off = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(),
        "--early-warning", "off", "--input", "a", "--output", "o"}).validate();
    assertThat(warnsAt(off)).isEqualTo(-1);
  }

  @Test
  void refusesUnknownKeysAndInconsistentThresholds(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("job.yaml");
    Files.writeString(yaml, "alert:\n  early-warning:\n    threshhold: 0.8\n");
    assertThatThrownBy(() -> ConfigLoader.fromArgs(new String[] {"--config", yaml.toString()}))
        .hasMessageContaining("unknown setting 'alert.early-warning.threshhold'");
    Files.writeString(yaml, "alert:\n  early-warning:\n    threshold: 0.4\n");
    JobConfig c = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--input", "a",
        "--output", "o"});
    assertThatThrownBy(c::validate).hasMessageContaining("clear-threshold in [0, threshold]");
    assertThatThrownBy(() -> ConfigLoader.fromArgs(new String[] {"--early-warning", "maybe"}))
        .hasMessageContaining("--early-warning must be on or off, got 'maybe'");
  }
}
