package dev.stormwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryConfigTest {
  private static final String KEY = "R0UT1NGKEYabcdef0123456789abcdef";
  private static final String HOOK = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX";

  @Test
  void readsEnvironmentWithDefaults() {
    DeliveryConfig c = DeliveryConfig.fromEnv(Map.of("PAGERDUTY_ROUTING_KEY", KEY, "SLACK_WEBHOOK_URL", HOOK));
    assertThat(c.pagerDutyEnabled()).isTrue();
    assertThat(c.pagerDutyEventsUri()).isEqualTo(URI.create("https://events.pagerduty.com/v2/enqueue"));
    assertThat(c.pagerDutyChangeUri()).isEqualTo(URI.create("https://events.pagerduty.com/v2/change/enqueue"));
    assertThat(c.slackWebhookUri()).isEqualTo(URI.create(HOOK));
    assertThat(c.alertmanagerEnabled()).isFalse();
    assertThat(c.alertmanagerAlertsUri()).isNull();
  }

  @Test
  void customUrls() {
    DeliveryConfig c = DeliveryConfig.fromEnv(Map.of("PAGERDUTY_EVENTS_URL", "http://127.0.0.1:9/v2/enqueue",
        "ALERTMANAGER_URL", "http://127.0.0.1:9093/", "PAGERDUTY_ROUTING_KEY", "  "));
    assertThat(c.pagerDutyEnabled()).isFalse();
    assertThat(c.pagerDutyChangeUri()).isEqualTo(URI.create("http://127.0.0.1:9/v2/change/enqueue"));
    assertThat(c.alertmanagerAlertsUri()).isEqualTo(URI.create("http://127.0.0.1:9093/api/v2/alerts"));
  }

  @Test
  void toStringMasksSecrets() {
    DeliveryConfig c = DeliveryConfig.fromEnv(Map.of("PAGERDUTY_ROUTING_KEY", KEY, "SLACK_WEBHOOK_URL", HOOK,
        "ALERTMANAGER_URL", "https://user:pa55word@am.example.org"));
    String s = c.toString();
    assertThat(s).doesNotContain(KEY).doesNotContain("XXXXSECRETXXXX").doesNotContain("pa55word")
        .contains("pagerDutyRoutingKey=****").contains("slackWebhookUrl=****");
    assertThat(DeliveryConfig.fromEnv(Map.of()).toString()).contains("pagerDutyRoutingKey=unset");
  }
}
