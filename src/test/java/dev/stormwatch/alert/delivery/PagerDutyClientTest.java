package dev.stormwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.event.AlertEvent;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagerDutyClientTest {
  private static final String KEY = "R0UT1NGKEYabcdef0123456789abcdef";
  private static final String ACCEPTED =
      "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final ManualTime time = new ManualTime(1_000_000);
  private StubServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private PagerDutyClient client(Duration timeout, int attempts) throws Exception {
    DeliveryConfig config = new DeliveryConfig(KEY, server.uri("/v2/enqueue").toString(), null, null,
        "https://grafana.example.org/d/stormwatch", "https://grafana.example.org/render/x.png");
    JsonPoster poster = new JsonPoster(HTTP, timeout, new RetryPolicy(attempts, 100, 2000), time, () -> 0.5,
        config.secrets());
    return new PagerDutyClient(config, poster);
  }

  private PagerDutyClient client() throws Exception {
    return client(Duration.ofSeconds(5), 4);
  }

  private void serve(StubServer.Reply fallback) throws Exception {
    server = new StubServer(fallback, time::nowMillis);
  }

  @Test
  void triggerPayloadFollowsTheEventsApiSchema() throws Exception {
    serve(StubServer.Reply.of(202, ACCEPTED));
    DeliveryResult r = client().send(Alerts.firing("critical", "x".repeat(2000)));
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    assertThat(r.status()).isEqualTo(202);

    StubServer.Request req = server.requests().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.path()).isEqualTo("/v2/enqueue");
    assertThat(req.contentType()).isEqualTo("application/json");
    JsonNode body = JSON.readTree(req.body());
    assertThat(body.get("routing_key").asText()).isEqualTo(KEY);
    assertThat(body.get("event_action").asText()).isIn("trigger", "acknowledge", "resolve").isEqualTo("trigger");
    assertThat(body.get("dedup_key").asText()).isEqualTo(Alerts.firing("critical", "").dedupKey()).hasSizeLessThanOrEqualTo(255);
    JsonNode payload = body.get("payload");
    for (String required : List.of("summary", "source", "severity")) {
      assertThat(payload.get(required).asText()).as(required).isNotBlank();
    }
    assertThat(payload.get("summary").asText()).hasSize(1024);
    assertThat(payload.get("severity").asText()).isIn(PagerDutyEvents.SEVERITIES).isEqualTo("critical");
    assertThat(Instant.parse(payload.get("timestamp").asText())).isEqualTo(Instant.parse("2026-03-03T00:10:00Z"));
    assertThat(payload.get("component").asText()).isEqualTo("payments");
    assertThat(payload.get("group").asText()).isEqualTo("aws/us-east-1");
    assertThat(payload.get("class").asText()).isEqualTo("anomaly");
    JsonNode details = payload.get("custom_details");
    assertThat(details.get("posterior").asDouble()).isEqualTo(0.97);
    assertThat(details.get("score").asDouble()).isEqualTo(0.93);
    assertThat(details.get("model_version").asText()).isEqualTo("baseline-1");
    assertThat(details.get("contributors").get(0).get("signal").asText()).isEqualTo("latency_p99_ms");
    assertThat(details.get("log_evidence")).hasSize(2);
    assertThat(details.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(512 * 1024);
    assertThat(body.get("links").get(0).get("href").asText()).startsWith("https://grafana");
    assertThat(body.get("images").get(0).get("src").asText()).endsWith(".png");
    Set<String> allowedTop = Set.of("routing_key", "event_action", "dedup_key", "payload", "client", "client_url",
        "links", "images");
    body.fieldNames().forEachRemaining(f -> assertThat(allowedTop).contains(f));
  }

  @Test
  void unknownSeverityFallsBackToAnAllowedValue() throws Exception {
    serve(StubServer.Reply.of(202, ACCEPTED));
    client().send(Alerts.firing("page-everyone", "s"));
    JsonNode body = JSON.readTree(server.requests().get(0).body());
    assertThat(body.get("payload").get("severity").asText()).isEqualTo("warning");
  }

  @Test
  void hugeLogEvidenceIsTrimmedUnderTheDetailsLimit() {
    AlertEvent base = Alerts.firing("error", "s");
    List<String> logs = new ArrayList<>(Collections.nCopies(2000, "y".repeat(5000)));
    AlertEvent big = new AlertEvent(base.alertId(), base.dedupKey(), base.status(), base.severity(), base.provider(),
        base.region(), base.service(), base.eventTime(), base.emittedAt(), base.score(), base.posterior(), base.uncertainty(),
        base.modelVersion(), base.summary(), base.contributors(), logs);
    JsonNode details = PagerDutyEvents.alertEvent(big, KEY, null, null).get("payload").get("custom_details");
    assertThat(details.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(512 * 1024);
    assertThat(details.get("log_evidence").size()).isBetween(100, 600);
    assertThat(details.get("log_evidence").get(0).asText()).hasSize(PagerDutyEvents.MAX_LOG_LINE);
  }

  @Test
  void triggerThenResolveShareTheDedupKey() throws Exception {
    serve(StubServer.Reply.of(202, ACCEPTED));
    PagerDutyClient pd = client();
    AlertEvent firing = Alerts.firing("error", "Anomaly on aws/payments");
    assertThat(pd.send(firing).delivered()).isTrue();
    assertThat(pd.send(Alerts.resolved(firing)).delivered()).isTrue();
    JsonNode trigger = JSON.readTree(server.requests().get(0).body());
    JsonNode resolve = JSON.readTree(server.requests().get(1).body());
    assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
    assertThat(resolve.get("dedup_key").asText()).isEqualTo(trigger.get("dedup_key").asText());
    assertThat(resolve.get("routing_key").asText()).isEqualTo(KEY);
    assertThat(resolve.has("payload")).isFalse();
  }

  @Test
  void badRequestIsPermanentAndNotRetriedAndTheReasonHidesTheKey() throws Exception {
    serve(StubServer.Reply.of(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
        + "\"errors\":[\"routing_key " + KEY + " is invalid\"]}"));
    DeliveryResult r = client().send(Alerts.firing("error", "s"));
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(server.requests()).hasSize(1);
    assertThat(r.reason()).contains("HTTP 400").contains("Event object is invalid").doesNotContain(KEY)
        .doesNotContain(server.uri("/").toString());
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void rateLimitedAndServerErrorsAreRetriedWithBackoffAndRetryAfter() throws Exception {
    serve(StubServer.Reply.of(202, ACCEPTED));
    server.then(new StubServer.Reply(429, "{}", Map.of("Retry-After", "7"), 0), StubServer.Reply.of(500, "oops"),
        StubServer.Reply.of(502, ""));
    DeliveryResult r = client().send(Alerts.firing("error", "s"));
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    assertThat(r.attempts()).isEqualTo(4);
    assertThat(server.requests()).hasSize(4);
    // Retry-After 7 s beats the 100 ms backoff; then 200 ms and 400 ms ceilings with jitter 0.5
    assertThat(time.sleeps).containsExactly(7000L, 150L, 300L);
  }

  @Test
  void timeoutsAreRetried() throws Exception {
    serve(StubServer.Reply.of(202, ACCEPTED));
    server.then(new StubServer.Reply(202, ACCEPTED, Map.of(), 1500));
    DeliveryResult r = client(Duration.ofMillis(300), 3).send(Alerts.firing("error", "s"));
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void retriesAreBounded() throws Exception {
    serve(StubServer.Reply.of(503, "unavailable"));
    DeliveryResult r = client(Duration.ofSeconds(5), 3).send(Alerts.firing("error", "s"));
    assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRIES_EXHAUSTED);
    assertThat(r.status()).isEqualTo(503);
    assertThat(server.requests()).hasSize(3);
    assertThat(r.reason()).contains("after 3 attempts");
  }

  @Test
  void eventsAreRateLimitedPerRoutingKey() throws Exception {
    serve(StubServer.Reply.of(202, ACCEPTED));
    PagerDutyClient pd = client();
    for (int i = 0; i < 40; i++) {
      assertThat(pd.send(Alerts.firing("error", "s" + i)).delivered()).isTrue();
    }
    List<StubServer.Request> reqs = server.requests();
    long start = reqs.get(0).at();
    for (int i = 0; i < reqs.size(); i++) {
      // a burst of 10, then one every 500 ms (120 a minute)
      long earliest = start + Math.max(0, i - 9) * 500L;
      assertThat(reqs.get(i).at()).as("request %d", i).isGreaterThanOrEqualTo(earliest);
    }
    for (int i = 0; i < reqs.size(); i++) {
      long from = reqs.get(i).at();
      long inMinute = reqs.stream().filter(q -> q.at() >= from && q.at() < from + 60_000).count();
      assertThat(inMinute).isLessThanOrEqualTo(130);
    }
    assertThat(time.sleptTotal()).isEqualTo(30 * 500L);
  }

  @Test
  void modelVersionChangeIsAChangeEvent() throws Exception {
    serve(StubServer.Reply.of(202, "{\"status\":\"success\"}"));
    DeliveryResult r = client().sendModelChange("baseline-1", "rcf-2", Instant.parse("2026-03-03T01:00:00Z"));
    assertThat(r.delivered()).isTrue();
    StubServer.Request req = server.requests().get(0);
    assertThat(req.path()).isEqualTo("/v2/change/enqueue");
    JsonNode body = JSON.readTree(req.body());
    assertThat(body.get("routing_key").asText()).isEqualTo(KEY);
    assertThat(body.has("event_action")).isFalse();
    JsonNode payload = body.get("payload");
    assertThat(payload.get("summary").asText()).contains("baseline-1").contains("rcf-2").hasSizeLessThanOrEqualTo(1024);
    assertThat(payload.get("timestamp").asText()).isEqualTo("2026-03-03T01:00:00Z");
    assertThat(payload.get("source").asText()).isEqualTo("stormwatch");
    assertThat(payload.get("custom_details").get("model_version").asText()).isEqualTo("rcf-2");
  }

  @Test
  void disabledWithoutRoutingKey() throws Exception {
    PagerDutyClient pd = new PagerDutyClient(DeliveryConfig.fromEnv(Map.of()),
        new JsonPoster(HTTP, Duration.ofSeconds(1), RetryPolicy.defaults(), time, () -> 0.5));
    assertThat(pd.send(Alerts.firing("error", "s")).outcome()).isEqualTo(DeliveryResult.Outcome.DISABLED);
  }
}
