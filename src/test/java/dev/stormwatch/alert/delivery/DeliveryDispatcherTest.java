package dev.stormwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asynchronous delivery queues against real HTTP servers on 127.0.0.1, in virtual time. */
class DeliveryDispatcherTest {
  static final String KEY = "R0UT1NGKEYabcdef0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final long MINUTE = 60_000;

  private final VirtualClock clock = new VirtualClock(1_000_000_000L);
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable s : servers) {
      s.close();
    }
  }

  static AlertEvent alert(String key, String status, String version) {
    return new AlertEvent("id-" + key, key, status, "error", "aws", "us-east-1", "svc-" + key,
        "2026-03-03T09:41:00Z", "2026-03-03T09:41:01Z", 0.9, 0.95, 0.05, version, "Anomaly on aws/svc-" + key,
        List.of(new AlertEvent.Contributor("latency_p99_ms", 1.0)), List.of("timeout after 3000 ms"));
  }

  private DeliveryDispatcher dispatcher(DeliveryConfig cfg, DeliverySettings s) {
    JsonPoster poster = new JsonPoster(HTTP, s.requestTimeout, s.retryPolicy(), DeliveryTime.SYSTEM, () -> 0.5,
        cfg.secrets());
    return new DeliveryDispatcher(cfg, s, poster, () -> 0.5, clock.now());
  }

  private static DeliveryConfig pagerDuty(String eventsUrl) {
    return new DeliveryConfig(KEY, eventsUrl, null, null, null, null);
  }

  private <T extends AutoCloseable> T serve(T server) {
    servers.add(server);
    return server;
  }

  private StubServer stub(StubServer.Reply fallback) throws Exception {
    return serve(new StubServer(fallback, clock::now));
  }

  private void accept(DeliveryDispatcher d, AlertEvent a) {
    d.accept(a, clock.now(), clock.dead::add);
  }

  @Test
  void aTenMinuteOutageLosesNothingAndKeepsTriggerBeforeResolvePerKey() throws Exception {
    FakePagerDuty pd = serve(new FakePagerDuty(KEY));
    DeliveryDispatcher d = dispatcher(pagerDuty(pd.eventsUrl()), new DeliverySettings());
    pd.failWith(503);
    for (int i = 0; i < 5; i++) {
      accept(d, alert("k" + i, AlertEvent.FIRING, "v1"));
      clock.run(d, 100, 30_000);
    }
    for (int i = 0; i < 5; i++) {
      accept(d, alert("k" + i, AlertEvent.RESOLVED, "v1"));
    }
    clock.run(d, 100, 10 * MINUTE);
    assertThat(d.pending()).isEqualTo(10);
    assertThat(pd.events()).isEmpty();
    // backoff: far fewer attempts than 10 minutes of polling, but still trying every <= 30 s
    assertThat(pd.refusedDuringOutage()).isBetween(20, 60);

    pd.recover();
    assertThat(clock.runUntil(d, 100, 2 * MINUTE, d::idle)).isTrue();
    assertThat(clock.dead).isEmpty();
    assertThat(pd.incidents()).containsExactly("k0", "k1", "k2", "k3", "k4");
    assertThat(pd.openIncidents()).isEmpty();
    for (int i = 0; i < 5; i++) {
      String key = "k" + i;
      assertThat(pd.events().stream().filter(e -> e.dedupKey().equals(key)).map(FakePagerDuty.Event::action))
          .containsExactly("trigger", "resolve");
    }
    assertThat(pd.rejections()).isEmpty();
  }

  @Test
  void anUnreachableEndpointIsRetriedUntilItListens() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    DeliveryDispatcher d = dispatcher(pagerDuty("http://127.0.0.1:" + port + "/v2/enqueue"), new DeliverySettings());
    accept(d, alert("k1", AlertEvent.FIRING, "v1"));
    accept(d, alert("k1", AlertEvent.RESOLVED, "v1"));
    clock.run(d, 100, 3 * MINUTE);
    assertThat(d.pending()).isEqualTo(2);
    assertThat(d.retried()).isGreaterThan(3);

    FakePagerDuty pd = serve(new FakePagerDuty(KEY, port));
    assertThat(clock.runUntil(d, 100, MINUTE, d::idle)).isTrue();
    assertThat(pd.events()).extracting(FakePagerDuty.Event::action).containsExactly("trigger", "resolve");
    assertThat(clock.dead).isEmpty();
  }

  @Test
  void retryAfterOfA429IsHonoured() throws Exception {
    StubServer s = stub(StubServer.Reply.of(202, "{\"status\":\"success\"}"))
        .then(new StubServer.Reply(429, "{\"status\":\"throttled\"}", Map.of("Retry-After", "7"), 0));
    DeliveryDispatcher d = dispatcher(pagerDuty(s.uri("/v2/enqueue").toString()), new DeliverySettings());
    accept(d, alert("k1", AlertEvent.FIRING, "v1"));
    assertThat(clock.runUntil(d, 50, MINUTE, d::idle)).isTrue();
    assertThat(s.requests()).hasSize(2);
    assertThat(s.requests().get(1).at() - s.requests().get(0).at()).isBetween(7_000L, 7_200L);
  }

  @Test
  void aBadRequestIsDeadLetteredAtOnceWithoutSecretsAndTheQueueMovesOn() throws Exception {
    // the receiver echoes the routing key back in its error: it must not reach the dead letter
    StubServer s = stub(StubServer.Reply.of(202, "{\"status\":\"success\"}"))
        .then(StubServer.Reply.of(400, "{\"status\":\"invalid event\",\"errors\":[\"bad key " + KEY + "\"]}"));
    DeliveryDispatcher d = dispatcher(pagerDuty(s.uri("/v2/enqueue").toString()), new DeliverySettings());
    accept(d, alert("k1", AlertEvent.FIRING, "v1"));
    accept(d, alert("k2", AlertEvent.FIRING, "v1"));
    assertThat(clock.runUntil(d, 50, MINUTE, d::idle)).isTrue();
    assertThat(s.requests()).hasSize(2);
    assertThat(clock.dead).hasSize(1);
    DeadLetter dl = clock.dead.get(0);
    assertThat(dl.reason()).isEqualTo(DeadLetter.Reasons.DELIVERY_FAILED);
    assertThat(dl.origin()).isEqualTo("pagerduty");
    assertThat(dl.detail()).contains("HTTP 400").contains("k1").doesNotContain(KEY);
    assertThat(dl.raw()).contains("\"dedup_key\":\"k1\"").doesNotContain(KEY);
  }

  @Test
  void pagerDutyEventsStayWithinTheRateLimitPerRoutingKey() throws Exception {
    FakePagerDuty pd = serve(new FakePagerDuty(KEY));
    DeliveryDispatcher d = dispatcher(pagerDuty(pd.eventsUrl()), new DeliverySettings());
    for (int i = 0; i < 300; i++) {
      accept(d, alert("k" + i, AlertEvent.FIRING, "v1"));
    }
    List<Long> sentAt = new ArrayList<>();
    long start = clock.now();
    while (!d.idle() && clock.now() - start < 10 * MINUTE) {
      int before = pd.events().size();
      clock.runUntil(d, 10, MINUTE, () -> pd.events().size() > before || d.idle());
      for (int i = sentAt.size(); i < pd.events().size(); i++) {
        sentAt.add(clock.now());
      }
    }
    assertThat(pd.incidents()).hasSize(300);
    // a burst of 10, then 2 a second: 290 more take at least 145 s, and no minute holds more than 130
    assertThat(sentAt.get(299) - sentAt.get(0)).isGreaterThanOrEqualTo(144_000L);
    for (int i = 0; i + 130 < sentAt.size(); i++) {
      assertThat(sentAt.get(i + 130) - sentAt.get(i)).isGreaterThanOrEqualTo(MINUTE - 100);
    }
  }

  @Test
  void slackBurstsAreCoalescedIntoDigestsAtMostOneMessageASecond() throws Exception {
    StubServer s = stub(StubServer.Reply.of(200, "ok"))
        .then(new StubServer.Reply(200, "ok", Map.of(), 0),
            new StubServer.Reply(429, "rate_limited", Map.of("Retry-After", "3"), 0));
    DeliveryConfig cfg = new DeliveryConfig(null, null, s.uri("/hook").toString(), null, null, null);
    DeliveryDispatcher d = dispatcher(cfg, new DeliverySettings());
    accept(d, alert("k0", AlertEvent.FIRING, "v1"));
    d.tick(clock.now(), clock.dead::add);
    while (d.awaitingResponse()) {
      Thread.sleep(1);
    }
    for (int i = 1; i < 40; i++) {
      accept(d, alert("k" + i, AlertEvent.FIRING, "v1"));
      clock.advance(10);
    }
    assertThat(clock.runUntil(d, 20, MINUTE, d::idle)).isTrue();
    List<StubServer.Request> r = s.requests();
    assertThat(r.get(2).at() - r.get(1).at()).as("Retry-After of the 429").isGreaterThanOrEqualTo(3_000L);
    for (int i = 1; i < r.size(); i++) {
      assertThat(r.get(i).at() - r.get(i - 1).at()).isGreaterThanOrEqualTo(1_000L);
    }
    int covered = 0;
    for (int i = 0; i < r.size(); i++) {
      if (i == 1) {
        continue;  // the throttled one, sent again as request 2
      }
      JsonNode body = JSON.readTree(r.get(i).body());
      String text = body.get("text").asText();
      covered += text.startsWith("Stormwatch digest: ") ? Integer.parseInt(text.split(" ")[2]) : 1;
      assertThat(body.get("blocks").size()).isLessThanOrEqualTo(SlackMessages.MAX_BLOCKS);
    }
    assertThat(covered).isEqualTo(40);
    assertThat(r.size()).isLessThan(8);
    assertThat(clock.dead).isEmpty();
  }

  @Test
  void firingAlertsAreResentToAlertmanagerUntilResolved() throws Exception {
    StubServer s = stub(StubServer.Reply.of(200, ""));
    DeliveryConfig cfg = new DeliveryConfig(null, null, null, s.uri("/").toString(), null, null);
    DeliveryDispatcher d = dispatcher(cfg, new DeliverySettings());
    accept(d, alert("k1", AlertEvent.FIRING, "v1"));
    clock.run(d, 100, 3 * MINUTE + 30_000);
    assertThat(s.requests()).hasSize(4);
    for (int i = 1; i < 4; i++) {
      assertThat(s.requests().get(i).at() - s.requests().get(i - 1).at()).isBetween(MINUTE, MINUTE + 200);
      JsonNode am = JSON.readTree(s.requests().get(i).body()).get(0);
      assertThat(am.get("labels").get("alertname").asText()).isEqualTo(AlertmanagerClient.ALERT_NAME);
      assertThat(java.time.Instant.parse(am.get("endsAt").asText()))
          .isAfter(java.time.Instant.now().plusSeconds(200));
    }
    accept(d, alert("k1", AlertEvent.RESOLVED, "v1"));
    clock.run(d, 100, 3 * MINUTE);
    assertThat(s.requests()).hasSize(5);
    JsonNode resolved = JSON.readTree(s.requests().get(4).body()).get(0);
    assertThat(java.time.Instant.parse(resolved.get("endsAt").asText()))
        .isBefore(java.time.Instant.now().plusSeconds(1));
    assertThat(s.requests()).allMatch(q -> q.path().equals("/api/v2/alerts"));
  }

  @Test
  void aNewModelVersionRaisesOneChangeEventBeforeItsFirstTrigger() throws Exception {
    StubServer s = stub(StubServer.Reply.of(202, "{\"status\":\"success\"}"));
    DeliveryConfig cfg = new DeliveryConfig(KEY, s.uri("/v2/enqueue").toString(), s.uri("/custom/change").toString(),
        null, null, null, null);
    DeliveryDispatcher d = dispatcher(cfg, new DeliverySettings());
    accept(d, alert("a", AlertEvent.FIRING, "hybrid-v1"));
    accept(d, alert("b", AlertEvent.FIRING, "hybrid-v2"));
    accept(d, alert("a", AlertEvent.RESOLVED, "hybrid-v1"));
    accept(d, alert("c", AlertEvent.FIRING, "hybrid-v2"));
    assertThat(clock.runUntil(d, 50, MINUTE, d::idle)).isTrue();
    assertThat(s.requests()).extracting(StubServer.Request::path)
        .containsExactly("/v2/enqueue", "/custom/change", "/v2/enqueue", "/v2/enqueue", "/v2/enqueue");
    JsonNode change = JSON.readTree(s.requests().get(1).body());
    assertThat(change.get("routing_key").asText()).isEqualTo(KEY);
    assertThat(change.get("payload").get("custom_details").get("previous_model_version").asText()).isEqualTo("hybrid-v1");
    assertThat(change.get("payload").get("custom_details").get("model_version").asText()).isEqualTo("hybrid-v2");
    assertThat(change.get("payload").get("summary").asText()).contains("hybrid-v1").contains("hybrid-v2");
  }

  @Test
  void earlyWarningsGoToSlackOnlyNeverToPagerDutyOrAlertmanager() throws Exception {
    StubServer s = stub(StubServer.Reply.of(202, "{\"status\":\"success\"}"));
    DeliveryConfig cfg = new DeliveryConfig(KEY, s.uri("/v2/enqueue").toString(), null,
        s.uri("/hook").toString(), s.uri("/").toString(), null, null);
    DeliveryDispatcher d = dispatcher(cfg, new DeliverySettings());
    AlertEvent a = alert("k1", AlertEvent.EARLY_WARNING, "hybrid-v3+baseline-1");
    accept(d, new AlertEvent(a.alertId(), a.dedupKey(), a.status(), "info", a.provider(), a.region(),
        a.service(), a.eventTime(), a.emittedAt(), a.score(), a.posterior(), a.uncertainty(),
        a.modelVersion(), "Early warning on aws/svc-k1: the model scores 0.97, not yet confirmed",
        a.contributors(), a.logEvidence()));
    accept(d, alert("k1", AlertEvent.EARLY_WARNING_CLEARED, "hybrid-v3+baseline-1"));
    assertThat(clock.runUntil(d, 50, MINUTE, d::idle)).isTrue();
    clock.run(d, 100, 2 * MINUTE);
    assertThat(s.requests()).extracting(StubServer.Request::path).containsOnly("/hook");
    String text = String.join("\n", s.requests().stream().map(StubServer.Request::body).toList());
    assertThat(text).contains(":eyes: EARLY WARNING aws/svc-k1")
        .contains(":ballot_box_with_check: EARLY WARNING CLEARED aws/svc-k1");
    assertThat(clock.dead).isEmpty();
  }

  @Test
  void pastTheBoundTheOldestWaitingNotificationsAreDeadLettered() throws Exception {
    FakePagerDuty pd = serve(new FakePagerDuty(KEY));
    pd.failWith(503);
    DeliverySettings settings = new DeliverySettings();
    settings.maxPending = 5;
    DeliveryDispatcher d = dispatcher(pagerDuty(pd.eventsUrl()), settings);
    for (int i = 0; i < 8; i++) {
      accept(d, alert("k" + i, AlertEvent.FIRING, "v1"));
      clock.run(d, 100, 1_000);
    }
    assertThat(d.pending()).isEqualTo(5);
    assertThat(clock.dead).extracting(DeadLetter::reason).containsOnly(DeadLetter.Reasons.DELIVERY_OVERFLOW);
    assertThat(clock.dead).extracting(dl -> JSON.readTree(dl.raw()).get("dedup_key").asText())
        .containsExactly("k0", "k1", "k2");
    pd.recover();
    assertThat(clock.runUntil(d, 100, MINUTE, d::idle)).isTrue();
    assertThat(pd.incidents()).containsExactly("k3", "k4", "k5", "k6", "k7");
  }

  @Test
  void notificationsOlderThanMaxAgeAreDeadLettered() throws Exception {
    FakePagerDuty pd = serve(new FakePagerDuty(KEY));
    pd.failWith(503);
    DeliverySettings settings = new DeliverySettings();
    settings.maxAge = Duration.ofMinutes(5);
    DeliveryDispatcher d = dispatcher(pagerDuty(pd.eventsUrl()), settings);
    accept(d, alert("k1", AlertEvent.FIRING, "v1"));
    clock.run(d, 100, 4 * MINUTE);
    assertThat(clock.dead).isEmpty();
    assertThat(clock.runUntil(d, 100, 2 * MINUTE, d::idle)).isTrue();
    assertThat(clock.dead).singleElement().satisfies(dl -> {
      assertThat(dl.reason()).isEqualTo(DeadLetter.Reasons.DELIVERY_EXPIRED);
      assertThat(dl.detail()).contains("HTTP 503");
    });
  }

  @Test
  void aSnapshotRestoresPendingNotificationsInOrderWithoutSecrets() throws Exception {
    FakePagerDuty pd = serve(new FakePagerDuty(KEY));
    FakeSlack slack = serve(new FakeSlack(0));
    DeliveryConfig cfg = new DeliveryConfig(KEY, pd.eventsUrl(), slack.webhookUrl(), null, null, null);
    pd.failWith(503);
    DeliveryDispatcher before = dispatcher(cfg, new DeliverySettings());
    accept(before, alert("k1", AlertEvent.FIRING, "v1"));
    accept(before, alert("k2", AlertEvent.FIRING, "v1"));
    accept(before, alert("k1", AlertEvent.RESOLVED, "v1"));
    clock.runUntil(before, 100, MINUTE, () -> !slack.messages().isEmpty() && before.pending() == 3);
    String json = before.snapshot().toJson();
    assertThat(json).doesNotContain(KEY).doesNotContain(FakeSlack.PATH);

    pd.recover();
    DeliveryDispatcher after = dispatcher(cfg, new DeliverySettings());
    after.restore(DeliveryState.fromJson(json), clock.now());
    assertThat(after.pending()).isEqualTo(3);
    assertThat(clock.runUntil(after, 100, MINUTE, after::idle)).isTrue();
    assertThat(pd.events()).extracting(e -> e.action() + " " + e.dedupKey())
        .containsExactly("trigger k1", "trigger k2", "resolve k1");
    assertThat(clock.dead).isEmpty();
  }
}
