package dev.stormwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One heavy end-to-end run's local Kafka broker and Flink cluster (the repo's scripts, free ports,
 * own directory under target/) with the REST and alerts-topic helpers the cluster tests share.
 */
final class LocalStack {
  static final String TELEMETRY_TOPIC = "stormwatch.telemetry";
  static final String ALERTS_TOPIC = "stormwatch.alerts";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final Path work;
  final String rest;
  final String bootstrap;
  final ScriptRunner scripts;

  private LocalStack(Path work, String rest, String bootstrap, ScriptRunner scripts) {
    this.work = work;
    this.rest = rest;
    this.bootstrap = bootstrap;
    this.scripts = scripts;
  }

  /** Picks free ports and a fresh directory {@code target/<name>/<millis>}; starts nothing yet. */
  static LocalStack create(Path root, String name) throws IOException {
    Path work = Files.createDirectories(root.resolve("target/" + name + "/" + System.currentTimeMillis()));
    int restPort = ScriptRunner.freePort();
    int kafkaPort = ScriptRunner.freePort();
    String bootstrap = "127.0.0.1:" + kafkaPort;
    ScriptRunner scripts = new ScriptRunner(root, work.resolve("script-logs"), Map.of(
        "FLINK_LOCAL_DIR", work.resolve("flink").toString(),
        "FLINK_REST_PORT", Integer.toString(restPort),
        "FLINK_RPC_PORT", Integer.toString(ScriptRunner.freePort()),
        "KAFKA_LOCAL_DIR", work.resolve("kafka").toString(),
        "KAFKA_PORT", Integer.toString(kafkaPort),
        "KAFKA_CONTROLLER_PORT", Integer.toString(ScriptRunner.freePort()),
        "KAFKA_BOOTSTRAP", bootstrap));
    return new LocalStack(work, "http://127.0.0.1:" + restPort, bootstrap, scripts);
  }

  /** Starts the Flink cluster and then the broker, asserting the cluster reports its REST URL. */
  void start() throws IOException, InterruptedException {
    assertThat(scripts.run(120, "scripts/flink-local.sh", "start"))
        .contains("Flink cluster ready: web UI " + rest);
    scripts.run(120, "scripts/kafka-local.sh", "start");
  }

  /** Produces a JSON Lines file to the telemetry topic. */
  void produce(Path file) throws IOException, InterruptedException {
    produce(file, TELEMETRY_TOPIC);
  }

  /** Produces a JSON Lines file to {@code topic}. */
  void produce(Path file, String topic) throws IOException, InterruptedException {
    scripts.run(120, "scripts/kafka-produce.sh", "--topic", topic, "--file", file.toString());
  }

  /** The pid file the Flink script keeps for process {@code name} (jobmanager, taskmanager). */
  Path flinkPidFile(String name) {
    return work.resolve("flink/" + name + ".pid");
  }

  /**
   * Stops everything by the scripts and then by the pids they left behind; deletes the directory
   * (logs, Kafka data, checkpoints) only when the test passed, so a failed run keeps its evidence.
   */
  void stop(boolean passed) throws IOException {
    scripts.stopQuietly("scripts/flink-local.sh");
    scripts.stopQuietly("scripts/kafka-local.sh");
    ScriptRunner.killLeftovers(flinkPidFile("taskmanager"), flinkPidFile("jobmanager"),
        work.resolve("kafka/kafka.pid"));
    if (passed) {
      try (var paths = Files.walk(work)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** GETs a REST path (e.g. {@code /jobs/<id>}) of the cluster; asserts HTTP 200. */
  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(rest + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(rest + path).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** A consumer of the alerts topic from the earliest offset. */
  KafkaConsumer<String, String> alertsConsumer() {
    return alertsConsumer(ALERTS_TOPIC);
  }

  /** A consumer of an alerts topic from the earliest offset. */
  KafkaConsumer<String, String> alertsConsumer(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-alerts-reader");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  /** Polls the alerts topic into {@code seen} until an alert matches; fails after {@code timeout}. */
  static JsonNode awaitAlert(KafkaConsumer<String, String> consumer, List<JsonNode> seen,
      Predicate<JsonNode> wanted, Duration timeout) throws IOException {
    for (JsonNode a : seen) {
      if (wanted.test(a)) {
        return a;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode match = null;
      // keep the whole batch: the consumer's position is already past it
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        JsonNode alert = JSON.readTree(r.value());
        seen.add(alert);
        if (match == null && wanted.test(alert)) {
          match = alert;
        }
      }
      if (match != null) {
        return match;
      }
    }
    throw new AssertionError("no matching alert within " + timeout + "; alerts so far: " + seen);
  }

  /** Polls the alerts topic into {@code seen} for {@code duration} (to catch late duplicates). */
  static void drain(KafkaConsumer<String, String> consumer, List<JsonNode> seen, Duration duration)
      throws IOException {
    long deadline = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        seen.add(JSON.readTree(r.value()));
      }
    }
  }

  /**
   * Polls into {@code seen} until no alert arrived for {@code quiet} (the job caught up), or at
   * most {@code limit}.
   */
  static void drainUntilQuiet(KafkaConsumer<String, String> consumer, List<JsonNode> seen,
      Duration quiet, Duration limit) throws IOException {
    long end = System.nanoTime() + limit.toNanos();
    long quietUntil = System.nanoTime() + quiet.toNanos();
    while (System.nanoTime() < Math.min(end, quietUntil)) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        seen.add(JSON.readTree(r.value()));
        quietUntil = System.nanoTime() + quiet.toNanos();
      }
    }
  }

  static boolean hasStatus(JsonNode alert, String status) {
    return alert.get("status").asText().equals(status);
  }
}
