package dev.stormwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.event.AlertEvent;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String HOOK_PATH = "/services/T000/B000/SECRETTOKEN";

  private final ManualTime time = new ManualTime(5_000_000);
  private StubServer server;
  private SlackClient slack;

  @BeforeEach
  void start() throws Exception {
    server = new StubServer(StubServer.Reply.of(200, "ok"), time::nowMillis);
    DeliveryConfig config = new DeliveryConfig(null, null, server.uri(HOOK_PATH).toString(), null, null, null);
    slack = new SlackClient(config, new JsonPoster(HTTP, Duration.ofSeconds(5), new RetryPolicy(3, 100, 1000), time,
        () -> 0.5, config.secrets()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode body(int i) throws Exception {
    return JSON.readTree(server.requests().get(i).body());
  }

  private static List<String> types(JsonNode blocks) {
    List<String> out = new ArrayList<>();
    blocks.forEach(b -> out.add(b.get("type").asText()));
    return out;
  }

  @Test
  void firingAlertIsABlockKitMessage() throws Exception {
    DeliveryResult r = slack.submit(Alerts.firing("critical", "Anomaly on aws/payments: latency_p99_ms 9.1 sigma"));
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    assertThat(server.requests().get(0).path()).isEqualTo(HOOK_PATH);
    JsonNode msg = body(0);
    assertThat(msg.get("text").asText()).contains("CRITICAL").contains("aws/payments");
    JsonNode blocks = msg.get("blocks");
    assertThat(types(blocks)).containsExactly("header", "section", "section", "section", "section", "context");
    JsonNode header = blocks.get(0).get("text");
    assertThat(header.get("type").asText()).isEqualTo("plain_text");
    assertThat(header.get("text").asText()).isEqualTo(":rotating_light: CRITICAL aws/payments").hasSizeLessThanOrEqualTo(150);
    JsonNode fields = blocks.get(2).get("fields");
    assertThat(fields.size()).isLessThanOrEqualTo(10);
    assertThat(fields.get(0).get("text").asText()).isEqualTo("*Posterior*\n0.970");
    assertThat(fields.get(1).get("text").asText()).isEqualTo("*Score*\n0.930");
    assertThat(blocks.get(3).get("text").get("text").asText()).contains("• latency_p99_ms (0.410)");
    assertThat(blocks.get(4).get("text").get("text").asText())
        .startsWith("*Log evidence*\n```").endsWith("```").contains("circuit breaker open for db");
    blocks.forEach(b -> {
      if (b.has("text")) {
        assertThat(b.get("text").get("text").asText().length()).isLessThanOrEqualTo(3000);
      }
    });
  }

  @Test
  void resolvedAlertHasItsOwnHeader() throws Exception {
    AlertEvent firing = Alerts.firing("error", "s");
    slack.submit(firing);
    time.sleep(2000);
    slack.submit(Alerts.resolved(firing));
    assertThat(body(1).get("blocks").get(0).get("text").get("text").asText())
        .isEqualTo(":white_check_mark: RESOLVED aws/payments");
  }

  @Test
  void aBurstIsCoalescedIntoOneDigestAtOneMessagePerSecond() throws Exception {
    assertThat(slack.submit(Alerts.firing("critical", "first")).delivered()).isTrue();
    for (int i = 0; i < 4; i++) {
      assertThat(slack.submit(Alerts.firing("warning", "burst " + i)).outcome())
          .isEqualTo(DeliveryResult.Outcome.QUEUED);
    }
    assertThat(slack.flushDue().outcome()).isEqualTo(DeliveryResult.Outcome.QUEUED);
    assertThat(server.requests()).hasSize(1);
    assertThat(slack.pendingCount()).isEqualTo(4);

    assertThat(slack.flush().delivered()).isTrue();
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(1).at() - server.requests().get(0).at()).isGreaterThanOrEqualTo(1000);
    JsonNode digest = body(1);
    assertThat(digest.get("text").asText()).isEqualTo("Stormwatch digest: 4 alert updates");
    String all = digest.get("blocks").toString();
    for (int i = 0; i < 4; i++) {
      assertThat(all).contains("burst " + i);
    }
    assertThat(digest.get("blocks").size()).isLessThanOrEqualTo(SlackMessages.MAX_BLOCKS);
    assertThat(slack.pendingCount()).isZero();
  }

  @Test
  void hugeDigestStaysWithinFiftyBlocks() {
    List<AlertEvent> many = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      many.add(Alerts.firing("warning", "n" + i));
    }
    JsonNode digest = SlackMessages.digest(many);
    assertThat(digest.get("blocks").size()).isLessThanOrEqualTo(50);
    assertThat(digest.get("blocks").toString()).contains("and 57 more");
  }

  @Test
  void retryAfterOn429IsHonoured() throws Exception {
    server.then(new StubServer.Reply(429, "rate_limited", Map.of("Retry-After", "3"), 0));
    DeliveryResult r = slack.submit(Alerts.firing("error", "s"));
    assertThat(r.delivered()).isTrue();
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(time.sleeps).containsExactly(3000L);
    assertThat(server.requests().get(1).at() - server.requests().get(0).at()).isEqualTo(3000);
  }

  @Test
  void invalidPayloadIsNotRetriedAndHidesTheWebhook() throws Exception {
    server.then(StubServer.Reply.of(400, "invalid_payload"));
    DeliveryResult r = slack.submit(Alerts.firing("error", "s"));
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(r.reason()).isEqualTo("HTTP 400: invalid_payload").doesNotContain("SECRETTOKEN");
    assertThat(server.requests()).hasSize(1);
    assertThat(slack.toString()).doesNotContain("SECRETTOKEN");
  }
}
