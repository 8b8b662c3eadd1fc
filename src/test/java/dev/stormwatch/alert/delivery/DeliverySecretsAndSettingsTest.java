package dev.stormwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets from files (the {@code _FILE} variables), the change-events URL and the {@code delivery.*} settings. */
class DeliverySecretsAndSettingsTest {
  private static final String KEY = "F1LEKEYabcdef0123456789abcdef012";
  private static final String HOOK = "https://hooks.slack.com/services/T000/B000/FILESECRETXXXX";

  @Test
  void secretsAreReadFromFilesAndMasked(@TempDir Path dir) throws Exception {
    Path key = Files.writeString(dir.resolve("pd"), KEY + "\n");
    Path hook = Files.writeString(dir.resolve("slack"), "  " + HOOK + "\n");
    Path am = Files.writeString(dir.resolve("am"), "http://user:pa55@127.0.0.1:9093");
    DeliveryConfig c = DeliveryConfig.fromEnv(Map.of("PAGERDUTY_ROUTING_KEY_FILE", key.toString(),
        "SLACK_WEBHOOK_URL_FILE", hook.toString(), "ALERTMANAGER_URL_FILE", am.toString()));
    assertThat(c.pagerDutyRoutingKey()).isEqualTo(KEY);
    assertThat(c.slackWebhookUri()).isEqualTo(URI.create(HOOK));
    assertThat(c.alertmanagerAlertsUri()).isEqualTo(URI.create("http://user:pa55@127.0.0.1:9093/api/v2/alerts"));
    assertThat(c.toString()).doesNotContain(KEY).doesNotContain("FILESECRET").doesNotContain("pa55");
  }

  @Test
  void theVariableWinsOverItsFileAndAnUnreadableFileIsNamedNotShown(@TempDir Path dir) throws Exception {
    Path key = Files.writeString(dir.resolve("pd"), "from-file");
    assertThat(DeliveryConfig.fromEnv(Map.of("PAGERDUTY_ROUTING_KEY", KEY, "PAGERDUTY_ROUTING_KEY_FILE",
        key.toString())).pagerDutyRoutingKey()).isEqualTo(KEY);
    assertThatThrownBy(() -> DeliveryConfig.fromEnv(Map.of("SLACK_WEBHOOK_URL_FILE",
        dir.resolve("missing").toString())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SLACK_WEBHOOK_URL_FILE");
  }

  @Test
  void changeEventsGoToTheirOwnUrlWhenSet() {
    DeliveryConfig c = DeliveryConfig.fromEnv(Map.of("PAGERDUTY_ROUTING_KEY", KEY,
        "PAGERDUTY_EVENTS_URL", "http://127.0.0.1:9/v2/enqueue", "PAGERDUTY_CHANGE_URL", "http://127.0.0.1:8/change"));
    assertThat(c.pagerDutyChangeUri()).isEqualTo(URI.create("http://127.0.0.1:8/change"));
  }

  @Test
  void deliverySettingsComeFromTheYamlFile(@TempDir Path dir) throws Exception {
    Path yaml = Files.writeString(dir.resolve("c.yaml"), String.join("\n",
        "delivery:", "  max-pending: 50", "  max-age: 20m", "  alertmanager-resend: 30s",
        "  slack-interval: 2s", "  pagerduty-per-minute: 60", "  drain-timeout: 5s", ""));
    JobConfig c = ConfigLoader.fromArgs(new String[] {"--config", yaml.toString(), "--input", "x", "--output", "y"})
        .validate();
    assertThat(c.delivery.maxPending).isEqualTo(50);
    assertThat(c.delivery.maxAge).isEqualTo(Duration.ofMinutes(20));
    assertThat(c.delivery.alertmanagerResend).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.delivery.slackInterval).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.delivery.pagerDutyPerMinute).isEqualTo(60.0);
    assertThat(c.delivery.drainTimeout).isEqualTo(Duration.ofSeconds(5));

    Path bad = Files.writeString(dir.resolve("bad.yaml"), "delivery:\n  max-pending: 0\n");
    assertThatThrownBy(() -> ConfigLoader.fromArgs(new String[] {"--config", bad.toString(), "--input", "x",
        "--output", "y"}).validate()).hasMessageContaining("delivery.max-pending");
  }

  @Test
  void theShippedConfigurationFileIsValid() throws Exception {
    JobConfig c = new JobConfig();
    ConfigLoader.applyYaml(c, Path.of("conf/stormwatch.yaml").toFile());
    assertThat(c.delivery.maxPending).isEqualTo(new DeliverySettings().maxPending);
    assertThat(c.delivery.slackInterval).isEqualTo(Duration.ofSeconds(1));
  }
}
