package dev.stormwatch.deploy;

import static dev.stormwatch.deploy.LocalStack.awaitAlert;
import static dev.stormwatch.deploy.LocalStack.hasStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.testing.TelemetryWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
  private static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  @Timeout(360)
  void alertFiresThenSurvivesStopWithSavepointAndResolvesAfterResume() throws Exception {
    LocalStack stack = LocalStack.create(ROOT, "e2e-cluster");
    ScriptRunner scripts = stack.scripts;
    Path work = stack.work;
    Path before = work.resolve("telemetry-before.jsonl");
    Path after = work.resolve("telemetry-after.jsonl");
    TelemetryWriter writer = new TelemetryWriter(START, 7);
    writer.write(before, 0, INCIDENT_FROM + 10, 0, INCIDENT_FROM, INCIDENT_TO);
    writer.write(after, INCIDENT_FROM + 10, 900, 0, INCIDENT_FROM, INCIDENT_TO);

    boolean passed = false;
    try {
      stack.start();
      stack.produce(before);
      String firstJob = scripts.run(180, "scripts/submit.sh", "jobs/local-kafka.yaml").strip();
      assertThat(firstJob).matches("[0-9a-f]{32}");

      List<JsonNode> alerts = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = stack.alertsConsumer()) {
        JsonNode firing = awaitAlert(consumer, alerts, a -> hasStatus(a, "firing"), Duration.ofSeconds(120));
        assertThat(firing.get("service").asText()).isEqualTo("payments");
        Instant raised = Instant.parse(firing.get("event_time").asText());
        assertThat(raised).isBetween(minute(INCIDENT_FROM), minute(INCIDENT_FROM + 6));

        String savepoint = scripts.run(120, "scripts/savepoint.sh", "stop", "--job", firstJob).strip();
        assertThat(savepoint).startsWith("file:").contains(work.resolve("flink/savepoints").toString());
        assertThat(Path.of(URI.create(savepoint.replaceFirst("^file:/+", "file:///")))
            .resolve("_metadata")).exists();
        assertThat(stack.get("/jobs/" + firstJob).get("state").asText()).isEqualTo("FINISHED");

        String resumed = scripts.run(120, "scripts/submit.sh", "--from-savepoint", savepoint,
            "jobs/local-kafka.yaml").strip();
        assertThat(resumed).matches("[0-9a-f]{32}").isNotEqualTo(firstJob);
        assertThat(stack.get("/jobs/" + resumed).get("state").asText()).isEqualTo("RUNNING");
        JsonNode restored = stack.get("/jobs/" + resumed + "/checkpoints").path("latest").path("restored");
        assertThat(restored.path("is_savepoint").asBoolean()).isTrue();
        assertThat(restored.path("external_path").asText()).isEqualTo(savepoint);

        stack.produce(after);
        String key = firing.get("dedup_key").asText();
        JsonNode resolved = awaitAlert(consumer, alerts,
            a -> hasStatus(a, "resolved") && a.get("dedup_key").asText().equals(key), Duration.ofSeconds(120));
        assertThat(Instant.parse(resolved.get("event_time").asText())).isAfter(minute(INCIDENT_TO));
        assertThat(alerts.stream().filter(a -> hasStatus(a, "firing"))).as("firings").hasSize(1);
        assertThat(alerts).allMatch(a -> a.get("dedup_key").asText().equals(key));
      }
      passed = true;
    } finally {
      stack.stop(passed);
    }
  }

  private static Instant minute(int m) {
    return START.plusSeconds(m * 60L);
  }
}
