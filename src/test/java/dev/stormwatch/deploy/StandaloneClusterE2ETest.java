package dev.stormwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.testing.TelemetryWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The job on a real standalone Flink cluster and a real Kafka broker, both started by the repo's
 * scripts on free ports: an incident fires, the job is stopped with a savepoint and resumed from
 * it, and the resumed job resolves the same alert without firing it again (keyed state survived).
 */
@Tag("heavy")
class StandaloneClusterE2ETest {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private static final int INCIDENT_FROM = 800;
  private static final int INCIDENT_TO = 830;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  @Timeout(360)
  void alertFiresThenSurvivesStopWithSavepointAndResolvesAfterResume() throws Exception {
    Path work = Files.createDirectories(ROOT.resolve("target/e2e-cluster/" + System.currentTimeMillis()));
    int restPort = ScriptRunner.freePort();
    int kafkaPort = ScriptRunner.freePort();
    String bootstrap = "127.0.0.1:" + kafkaPort;
    ScriptRunner scripts = new ScriptRunner(ROOT, work.resolve("script-logs"), Map.of(
        "FLINK_LOCAL_DIR", work.resolve("flink").toString(),
        "FLINK_REST_PORT", Integer.toString(restPort),
        "FLINK_RPC_PORT", Integer.toString(ScriptRunner.freePort()),
        "KAFKA_LOCAL_DIR", work.resolve("kafka").toString(),
        "KAFKA_PORT", Integer.toString(kafkaPort),
        "KAFKA_CONTROLLER_PORT", Integer.toString(ScriptRunner.freePort()),
        "KAFKA_BOOTSTRAP", bootstrap));
    String rest = "http://127.0.0.1:" + restPort;
    Path before = work.resolve("telemetry-before.jsonl");
    Path after = work.resolve("telemetry-after.jsonl");
    TelemetryWriter writer = new TelemetryWriter(START, 7);
    writer.write(before, 0, INCIDENT_FROM + 10, 0, INCIDENT_FROM, INCIDENT_TO);
    writer.write(after, INCIDENT_FROM + 10, 900, 0, INCIDENT_FROM, INCIDENT_TO);

    boolean passed = false;
    try {
      assertThat(scripts.run(120, "scripts/flink-local.sh", "start"))
          .contains("Flink cluster ready: web UI " + rest);
      scripts.run(120, "scripts/kafka-local.sh", "start");
      scripts.run(120, "scripts/kafka-produce.sh", "--topic", "stormwatch.telemetry", "--file",
          before.toString());
      String firstJob = scripts.run(180, "scripts/submit.sh", "jobs/local-kafka.yaml").strip();
      assertThat(firstJob).matches("[0-9a-f]{32}");

      List<JsonNode> alerts = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
        JsonNode firing = awaitAlert(consumer, alerts, a -> status(a, "firing"), Duration.ofSeconds(120));
        assertThat(firing.get("service").asText()).isEqualTo("payments");
        Instant raised = Instant.parse(firing.get("event_time").asText());
        assertThat(raised).isBetween(minute(INCIDENT_FROM), minute(INCIDENT_FROM + 6));

        String savepoint = scripts.run(120, "scripts/savepoint.sh", "stop", "--job", firstJob).strip();
        assertThat(savepoint).startsWith("file:").contains(work.resolve("flink/savepoints").toString());
        assertThat(Path.of(URI.create(savepoint.replaceFirst("^file:/+", "file:///")))
            .resolve("_metadata")).exists();
        assertThat(get(rest + "/jobs/" + firstJob).get("state").asText()).isEqualTo("FINISHED");

        String resumed = scripts.run(120, "scripts/submit.sh", "--from-savepoint", savepoint,
            "jobs/local-kafka.yaml").strip();
        assertThat(resumed).matches("[0-9a-f]{32}").isNotEqualTo(firstJob);
        assertThat(get(rest + "/jobs/" + resumed).get("state").asText()).isEqualTo("RUNNING");
        JsonNode restored = get(rest + "/jobs/" + resumed + "/checkpoints").path("latest").path("restored");
        assertThat(restored.path("is_savepoint").asBoolean()).isTrue();
        assertThat(restored.path("external_path").asText()).isEqualTo(savepoint);

        scripts.run(120, "scripts/kafka-produce.sh", "--topic", "stormwatch.telemetry", "--file",
            after.toString());
        String key = firing.get("dedup_key").asText();
        JsonNode resolved = awaitAlert(consumer, alerts,
            a -> status(a, "resolved") && a.get("dedup_key").asText().equals(key), Duration.ofSeconds(120));
        assertThat(Instant.parse(resolved.get("event_time").asText())).isAfter(minute(INCIDENT_TO));
        assertThat(alerts.stream().filter(a -> status(a, "firing"))).as("firings").hasSize(1);
        assertThat(alerts).allMatch(a -> a.get("dedup_key").asText().equals(key));
      }
      passed = true;
    } finally {
      scripts.stopQuietly("scripts/flink-local.sh");
      scripts.stopQuietly("scripts/kafka-local.sh");
      ScriptRunner.killLeftovers(work.resolve("flink/taskmanager.pid"),
          work.resolve("flink/jobmanager.pid"), work.resolve("kafka/kafka.pid"));
      if (passed) {
        deleteTree(work);
      }
    }
  }

  /** Removes a passed run's directory (logs, Kafka data, checkpoints); failed runs keep theirs. */
  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Instant minute(int m) {
    return START.plusSeconds(m * 60L);
  }

  private static boolean status(JsonNode alert, String status) {
    return alert.get("status").asText().equals(status);
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-alerts-reader");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
    consumer.subscribe(List.of("stormwatch.alerts"));
    return consumer;
  }

  /** Polls the alerts topic into {@code seen} until an alert matches; fails after {@code timeout}. */
  private static JsonNode awaitAlert(KafkaConsumer<String, String> consumer, List<JsonNode> seen,
      Predicate<JsonNode> wanted, Duration timeout) throws IOException {
    for (JsonNode a : seen) {
      if (wanted.test(a)) {
        return a;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        JsonNode alert = JSON.readTree(r.value());
        seen.add(alert);
        if (wanted.test(alert)) {
          return alert;
        }
      }
    }
    throw new AssertionError("no matching alert within " + timeout + "; alerts so far: " + seen);
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
