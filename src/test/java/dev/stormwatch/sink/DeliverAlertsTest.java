package dev.stormwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.stormwatch.alert.delivery.FakePagerDuty;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery operator against real HTTP servers on 127.0.0.1 standing in for PagerDuty and Slack. */
class DeliverAlertsTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";
  private HttpServer server;
  private final List<JsonNode> pagerDuty = new CopyOnWriteArrayList<>();
  private final List<JsonNode> slack = new CopyOnWriteArrayList<>();
  private final AtomicInteger pagerDutyStatus = new AtomicInteger(202);
  private final AtomicInteger pagerDutyDelayMillis = new AtomicInteger(0);
  private long processingTime = 1_000_000;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/v2/enqueue", ex -> {
      pagerDuty.add(JsonCodec.mapper().readTree(ex.getRequestBody()));
      try {
        Thread.sleep(pagerDutyDelayMillis.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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

  private static AlertEvent alert(String key, String status) {
    return new AlertEvent("id-" + key, key, status, "error", "aws", "us-east-1", "payments",
        "2026-03-03T09:41:00Z", "2026-03-03T09:41:01Z", 0.9, 0.9, 0.05, "baseline-1", "Anomaly on aws/payments",
        List.of(new AlertEvent.Contributor("latency_p99_ms", 1.0)), List.of("timeout after 3000 ms"));
  }

  private static AlertEvent alert(String status) {
    return alert("stormwatch-abc", status);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> harness(
      Map<String, String> env) throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(new DeliveryOperator(new DeliverAlerts(env)),
        a -> DeliverAlerts.KEY, Types.STRING);
  }

  private KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> harness() throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> h = harness(Map.of(
        "PAGERDUTY_ROUTING_KEY", KEY,
        "PAGERDUTY_EVENTS_URL", base + "/v2/enqueue",
        "SLACK_WEBHOOK_URL", base + "/slack"));
    h.open();
    h.setProcessingTime(processingTime);
    return h;
  }

  /** Advances processing time in 100 ms steps (with real pauses for the HTTP answers) until {@code done}. */
  private boolean advanceUntil(KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> h,
      BooleanSupplier done) throws Exception {
    long wallEnd = System.currentTimeMillis() + 20_000;
    while (!done.getAsBoolean() && System.currentTimeMillis() < wallEnd) {
      processingTime += 100;
      h.setProcessingTime(processingTime);
      Thread.sleep(5);
    }
    return done.getAsBoolean();
  }

  @Test
  void triggersThenResolvesWithTheSameDedupKeyAndPostsToSlack() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> h = harness()) {
      h.processElement(new StreamRecord<>(alert("firing"), 1));
      h.processElement(new StreamRecord<>(alert("resolved"), 2));
      h.endInput();
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
      assertThat(advanceUntil(h, () -> !h.extractOutputValues().isEmpty())).isTrue();
      advanceUntil(h, () -> processingTime > 1_005_000);
      List<DeadLetter> dead = h.extractOutputValues();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).reason()).isEqualTo("delivery_failed");
      assertThat(dead.get(0).detail()).contains("pagerduty").contains("stormwatch-abc").doesNotContain(KEY);
      assertThat(dead.get(0).raw()).contains("\"dedup_key\":\"stormwatch-abc\"").doesNotContain(KEY);
    }
    assertThat(pagerDuty).hasSize(1);
  }

  @Test
  void aSlowEndpointNeverHoldsUpTheOperator() throws Exception {
    pagerDutyDelayMillis.set(2_000);
    try (KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> h = harness()) {
      long started = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        h.processElement(new StreamRecord<>(alert("k" + i, i % 2 == 0 ? "firing" : "resolved"), i));
        processingTime += 10;
        h.setProcessingTime(processingTime);
      }
      h.processWatermark(new Watermark(500));
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      // sent one by one a synchronous sender would need 200 x 2 s; the operator queues and moves on
      assertThat(tookMillis).isLessThan(1_500);
      assertThat(pagerDuty.size()).isLessThanOrEqualTo(2);
      assertThat(h.getOutput()).as("the watermark passed at once").contains(new Watermark(500));
      assertThat(h.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void aRestoreFromASnapshotDeliversThePendingOnesAndPagesNothingTwice() throws Exception {
    OperatorSubtaskState snapshot;
    try (FakePagerDuty pd = new FakePagerDuty(KEY)) {
      Map<String, String> env = Map.of("PAGERDUTY_ROUTING_KEY", KEY, "PAGERDUTY_EVENTS_URL", pd.eventsUrl());
      try (KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> h = harness(env)) {
        h.open();
        h.setProcessingTime(processingTime);
        h.processElement(new StreamRecord<>(alert("a", "firing"), 1));
        assertThat(advanceUntil(h, () -> pd.events().size() == 1)).isTrue();
        pd.failWith(503);
        h.processElement(new StreamRecord<>(alert("b", "firing"), 2));
        h.processElement(new StreamRecord<>(alert("a", "resolved"), 3));
        assertThat(advanceUntil(h, () -> pd.refusedDuringOutage() >= 2)).isTrue();
        snapshot = h.snapshot(1, processingTime);
      }
      pd.recover();
      try (KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, DeadLetter> h = harness(env)) {
        h.setup();
        h.initializeState(snapshot);
        h.open();
        h.setProcessingTime(processingTime);
        h.processElement(new StreamRecord<>(alert("c", "firing"), 4));
        assertThat(advanceUntil(h, () -> pd.events().size() == 4)).isTrue();
        advanceUntil(h, () -> processingTime > 1_000_000 + 60_000);
        assertThat(h.extractOutputValues()).isEmpty();
      }
      assertThat(pd.events()).extracting(e -> e.action() + " " + e.dedupKey())
          .containsExactly("trigger a", "trigger b", "resolve a", "trigger c");
      assertThat(pd.incidents()).containsExactly("a", "b", "c");
    }
  }
}
