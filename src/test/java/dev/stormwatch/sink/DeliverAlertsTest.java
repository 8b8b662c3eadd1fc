package dev.stormwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery operator against real HTTP servers on 127.0.0.1 standing in for PagerDuty and Slack. */
class DeliverAlertsTest {
  private HttpServer server;
  private final List<JsonNode> pagerDuty = new CopyOnWriteArrayList<>();
  private final List<JsonNode> slack = new CopyOnWriteArrayList<>();
  private final AtomicInteger pagerDutyStatus = new AtomicInteger(202);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/enqueue", ex -> {
      pagerDuty.add(JsonCodec.mapper().readTree(ex.getRequestBody()));
      byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(pagerDutyStatus.get(), body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.createContext("/slack", ex -> {
      slack.add(JsonCodec.mapper().readTree(ex.getRequestBody()));
      ex.sendResponseHeaders(200, 2);
      ex.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static AlertEvent alert(String status) {
    return new AlertEvent("id-1", "stormwatch-abc", status, "error", "aws", "us-east-1", "payments",
        "2026-03-03T09:41:00Z", "2026-03-03T09:41:01Z", 0.9, 0.9, 0.05, "baseline-1", "Anomaly on aws/payments",
        List.of(new AlertEvent.Contributor("latency_p99_ms", 1.0)), List.of("timeout after 3000 ms"));
  }

  private KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> harness() throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Map<String, String> env = Map.of(
        "PAGERDUTY_ROUTING_KEY", "0123456789abcdef0123456789abcdef",
        "PAGERDUTY_EVENTS_URL", base + "/v2/enqueue",
        "SLACK_WEBHOOK_URL", base + "/slack");
    KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> h =
        new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DeliverAlerts(env)),
            a -> DeliverAlerts.KEY, Types.STRING);
    h.open();
    return h;
  }

  @Test
  void triggersThenResolvesWithTheSameDedupKeyAndPostsToSlack() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> h = harness()) {
      h.processElement(new StreamRecord<>(alert("firing"), 1));
      h.processElement(new StreamRecord<>(alert("resolved"), 2));
      h.setProcessingTime(System.currentTimeMillis() + 5_000);
      assertThat(h.extractOutputValues()).isEmpty();
    }
    assertThat(pagerDuty).extracting(n -> n.get("event_action").asText()).containsExactly("trigger", "resolve");
    assertThat(pagerDuty).extracting(n -> n.get("dedup_key").asText()).containsOnly("stormwatch-abc");
    assertThat(pagerDuty.get(0).get("payload").get("component").asText()).isEqualTo("payments");
    assertThat(slack).isNotEmpty();
  }

  @Test
  void aRefusedNotificationBecomesADeadLetterWithoutRetries() throws Exception {
    pagerDutyStatus.set(400);
    try (KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> h = harness()) {
      h.processElement(new StreamRecord<>(alert("firing"), 1));
      List<DeadLetter> dead = h.extractOutputValues();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).reason()).isEqualTo("delivery_failed");
      assertThat(dead.get(0).detail()).contains("pagerduty").contains("stormwatch-abc")
          .doesNotContain("0123456789abcdef0123456789abcdef");
      assertThat(dead.get(0).raw()).contains("\"dedup_key\":\"stormwatch-abc\"");
    }
    assertThat(pagerDuty).hasSize(1);
  }
}
