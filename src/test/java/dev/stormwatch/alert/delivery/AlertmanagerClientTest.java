package dev.stormwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.event.AlertEvent;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertmanagerClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final long NOW = Instant.parse("2026-03-03T00:41:00Z").toEpochMilli();

  private final ManualTime time = new ManualTime(NOW);
  private StubServer server;
  private AlertmanagerClient am;

  @BeforeEach
  void start() throws Exception {
    server = new StubServer(StubServer.Reply.of(200, ""), time::nowMillis);
    DeliveryConfig config = new DeliveryConfig(null, null, null, server.uri("/").toString(),
        "https://grafana.example.org/d/stormwatch", null);
    am = new AlertmanagerClient(config, new JsonPoster(HTTP, Duration.ofSeconds(5), new RetryPolicy(3, 100, 1000),
        time, () -> 0.5), Duration.ofHours(24));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void firingAlertPostsLabelsAnnotationsAndAFutureEnd() throws Exception {
    assertThat(am.send(Alerts.firing("critical", "Anomaly on aws/payments")).delivered()).isTrue();
    StubServer.Request req = server.requests().get(0);
    assertThat(req.path()).isEqualTo("/api/v2/alerts");
    assertThat(req.contentType()).isEqualTo("application/json");
    JsonNode body = JSON.readTree(req.body());
    assertThat(body.isArray()).isTrue();
    assertThat(body).hasSize(1);
    JsonNode alert = body.get(0);
    JsonNode labels = alert.get("labels");
    assertThat(labels.get("alertname").asText()).isEqualTo("StormwatchAnomaly");
    assertThat(labels.get("provider").asText()).isEqualTo("aws");
    assertThat(labels.get("service").asText()).isEqualTo("payments");
    assertThat(labels.get("severity").asText()).isEqualTo("critical");
    labels.fields().forEachRemaining(e -> assertThat(e.getKey()).matches("[a-zA-Z_][a-zA-Z0-9_]*"));
    JsonNode annotations = alert.get("annotations");
    assertThat(annotations.get("summary").asText()).isEqualTo("Anomaly on aws/payments");
    assertThat(annotations.get("contributors").asText()).isEqualTo("latency_p99_ms=0.41, error_rate=0.22");
    annotations.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).isTrue());
    assertThat(alert.get("startsAt").asText()).isEqualTo("2026-03-03T00:10:00Z");
    assertThat(alert.get("endsAt").asText()).isEqualTo("2026-03-04T00:10:00Z");
    assertThat(alert.get("generatorURL").asText()).isEqualTo("https://grafana.example.org/d/stormwatch");
  }

  @Test
  void resolvedAlertEndsNowWithTheSameLabels() throws Exception {
    AlertEvent firing = Alerts.firing("error", "s");
    am.send(firing);
    am.send(Alerts.resolved(firing));
    JsonNode fired = JSON.readTree(server.requests().get(0).body()).get(0);
    JsonNode resolved = JSON.readTree(server.requests().get(1).body()).get(0);
    assertThat(resolved.get("labels")).isEqualTo(fired.get("labels"));
    assertThat(resolved.get("endsAt").asText()).isEqualTo("2026-03-03T00:41:00Z");
    assertThat(Instant.parse(resolved.get("startsAt").asText())).isBefore(Instant.parse(resolved.get("endsAt").asText()));
  }

  @Test
  void serverErrorsAreRetriedClientErrorsAreNot() throws Exception {
    server.then(StubServer.Reply.of(500, "boom"));
    assertThat(am.send(Alerts.firing("error", "s")).attempts()).isEqualTo(2);
    server.then(StubServer.Reply.of(400, "{\"code\":400,\"message\":\"start time must be before end time\"}"));
    DeliveryResult r = am.send(Alerts.firing("error", "s"));
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(r.reason()).contains("start time must be before end time");
    assertThat(server.requests()).hasSize(3);
  }
}
