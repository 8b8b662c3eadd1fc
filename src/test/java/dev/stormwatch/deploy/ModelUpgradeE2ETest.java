package dev.stormwatch.deploy;

import static dev.stormwatch.deploy.LocalStack.awaitAlert;
import static dev.stormwatch.deploy.LocalStack.hasStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stormwatch.model.ModelManifest;
import dev.stormwatch.model.TrainCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A served model swapped on a running job through {@code scripts/upgrade-model.sh}, on a real
 * standalone cluster (DJL and ONNX Runtime on its parent class path) and broker, for both kinds the
 * job serves (the hybrid model and the GNN forecaster): an incompatible model is refused without
 * touching the job; the upgrade stops the job with a savepoint and resumes it with a model trained
 * in the test on the same TaskManager (a new user-code class loader); keyed state survives (an
 * alert open before the upgrade resolves after it with the same dedup_key, no cold-start alarms, no
 * second page), later alerts carry the new model_version, and the same command rolls back.
 */
@Tag("heavy")
class ModelUpgradeE2ETest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final String TOPIC = "stormwatch.demo.telemetry";
  private static final String ALERTS = "stormwatch.demo.alerts";
  private static final Instant SPLIT = Instant.parse("2026-03-03T01:01:00Z");
  private static final Instant TRICKLE_END = Instant.parse("2026-03-03T01:09:00Z");
  /** azure/auth's incident in datasets/demo/incidents.json (inc-09). */
  private static final Instant AUTH_START = Instant.parse("2026-03-03T00:49:00Z");
  private static final Instant AUTH_END = Instant.parse("2026-03-03T01:16:00Z");

  /**
   * What differs between the kinds of served model.
   *
   * @param detector the job's detector, also the prefix of model_version
   * @param descriptor the job descriptor that serves {@code models/<detector>/v1}
   * @param trainArgs train.sh arguments beyond input, output, epochs and seed
   */
  private record Kind(String detector, String descriptor, List<String> trainArgs) {
    String version(String v) {
      return detector + "-" + v;
    }
  }

  @Test
  @Timeout(600)
  void upgradesTheHybridModelThroughASavepointKeepingStateAndRollsBack() throws Exception {
    upgradeKeepingStateAndRollBack(new Kind("hybrid", "jobs/local-kafka-hybrid.yaml", List.of()));
  }

  @Test
  @Timeout(600)
  void upgradesTheGnnForecasterThroughASavepointKeepingStateAndRollsBack() throws Exception {
    upgradeKeepingStateAndRollBack(new Kind("gnn", "jobs/local-kafka-gnn.yaml",
        List.of("--network", "gnn")));
  }

  private void upgradeKeepingStateAndRollBack(Kind kind) throws Exception {
    LocalStack stack = LocalStack.create(ROOT, "e2e-upgrade-" + kind.detector());
    ScriptRunner scripts = stack.scripts;
    Path work = stack.work;
    List<Path> parts = DemoSplit.write(ROOT.resolve("datasets/demo/live.jsonl.gz"), work, SPLIT, TRICKLE_END);
    Path v2 = work.resolve("models/" + kind.detector() + "/v2");
    List<String> train = new ArrayList<>(List.of("--input", ROOT.resolve("datasets/demo/history.jsonl.gz")
        .toString(), "--model-out", v2.toString(), "--epochs", "1", "--seed", "7"));
    train.addAll(kind.trainArgs());
    assertThat(TrainCommand.run(train.toArray(String[]::new))).isZero();
    Path incompatible = incompatibleCopy(v2, work.resolve("models/" + kind.detector() + "/v2-five-steps"));

    boolean passed = false;
    Process trickle = null;
    try {
      stack.start();
      String taskManager = Files.readString(stack.flinkPidFile("taskmanager")).strip();
      stack.produce(parts.get(0), TOPIC);
      String oldJob = scripts.run(240, "scripts/submit.sh", kind.descriptor()).strip();
      // live telemetry keeps flowing during the upgrade, as in production
      trickle = scripts.start("scripts/kafka-produce.sh", "--topic", TOPIC, "--file",
          parts.get(1).toString(), "--rate", "3");

      List<JsonNode> alerts = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = stack.alertsConsumer(ALERTS)) {
        JsonNode open = awaitAlert(consumer, alerts, a -> hasStatus(a, "firing")
            && a.get("service").asText().equals("auth") && a.get("provider").asText().equals("azure"),
            Duration.ofSeconds(150));
        assertThat(open.get("model_version").asText()).isEqualTo(kind.version("v1"));
        assertThat(Instant.parse(open.get("event_time").asText())).isBetween(AUTH_START, AUTH_END);
        String key = open.get("dedup_key").asText();

        String refused = scripts.runExpectingFailure(120, "scripts/upgrade-model.sh", "--job", oldJob,
            "--model", incompatible.toString());
        assertThat(refused).contains("refusing to replace " + kind.version("v1"))
            .contains("5 steps of 60000 ms").contains("the job was not touched");
        assertThat(stack.get("/jobs/" + oldJob).get("state").asText()).isEqualTo("RUNNING");

        // a Kafka input idle for 30 s after the warm-up finished drops the job's state (docs/cluster.md)
        assertThat(trickle.isAlive()).as("telemetry still flowing when the upgrade starts").isTrue();
        Instant upgradeStarted = Instant.now();
        Map<String, String> upgrade = lines(scripts.run(240, "scripts/upgrade-model.sh", "--job", oldJob,
            "--model", v2.toString()));
        Instant upgraded = Instant.now();
        assertThat(upgrade.get("old job")).isEqualTo(oldJob + " (" + kind.version("v1") + ")");
        String savepoint = upgrade.get("savepoint");
        String newJob = upgrade.get("new job").replace(" (" + kind.version("v2") + ")", "");
        assertThat(newJob).matches("[0-9a-f]{32}").isNotEqualTo(oldJob);
        assertThat(stack.get("/jobs/" + oldJob).get("state").asText()).isEqualTo("FINISHED");
        assertThat(stack.get("/jobs/" + newJob).get("state").asText()).isEqualTo("RUNNING");
        JsonNode restored = stack.get("/jobs/" + newJob + "/checkpoints").path("latest").path("restored");
        assertThat(restored.path("is_savepoint").asBoolean()).isTrue();
        assertThat(restored.path("external_path").asText()).isEqualTo(savepoint);
        assertThat(Files.readString(stack.flinkPidFile("taskmanager")).strip())
            .as("same TaskManager JVM, new user-code class loader").isEqualTo(taskManager);

        assertThat(trickle.waitFor(240, TimeUnit.SECONDS)).as("trickle producer finished").isTrue();
        stack.produce(parts.get(2), TOPIC);
        JsonNode resolved = awaitAlert(consumer, alerts,
            a -> hasStatus(a, "resolved") && a.get("dedup_key").asText().equals(key), Duration.ofSeconds(120));
        assertThat(resolved.get("model_version").asText()).isEqualTo(kind.version("v2"));
        assertThat(Instant.parse(resolved.get("emitted_at").asText())).isAfter(upgradeStarted);
        LocalStack.drainUntilQuiet(consumer, alerts, Duration.ofSeconds(20), Duration.ofSeconds(180));

        UpgradeChecks.assertNoSecondPage(alerts);
        UpgradeChecks.assertNoColdStart(alerts, SPLIT, AUTH_END,
            ROOT.resolve("datasets/demo/incidents.json"));
        UpgradeChecks.assertModelVersions(alerts, upgradeStarted, upgraded, kind.version("v1"),
            kind.version("v2"));
        UpgradeChecks.assertScoredByTheModel(stack, newJob, kind.detector());

        Map<String, String> rollback = lines(scripts.run(240, "scripts/upgrade-model.sh", "--job", newJob,
            "--model", "models/" + kind.detector() + "/v1"));
        assertThat(rollback.get("old job")).isEqualTo(newJob + " (" + kind.version("v2") + ")");
        assertThat(rollback.get("new job")).endsWith(" (" + kind.version("v1") + ")");
        String rolledBack = rollback.get("new job").substring(0, 32);
        assertThat(stack.get("/jobs/" + rolledBack).get("state").asText()).isEqualTo("RUNNING");
      }
      passed = true;
    } finally {
      if (trickle != null) {
        trickle.destroyForcibly();
      }
      stack.stop(passed);
    }
  }

  /** A copy of {@code model} (either kind) whose manifest claims 5-step windows. */
  private static Path incompatibleCopy(Path model, Path out) throws Exception {
    Files.createDirectories(out);
    try (var files = Files.list(model)) {
      for (Path f : files.toList()) {
        Files.copy(f, out.resolve(f.getFileName()));
      }
    }
    Path manifest = out.resolve(ModelManifest.FILE);
    ObjectNode m = (ObjectNode) ModelManifest.mapper().readTree(manifest.toFile());
    m.put("steps", 5);
    m.put("model_version", "v2-five-steps");
    ModelManifest.mapper().writeValue(manifest.toFile(), m);
    return out;
  }

  /** upgrade-model.sh's stdout ({@code old job ...}, {@code savepoint ...}, {@code new job ...}). */
  private static Map<String, String> lines(String stdout) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : stdout.strip().split("\n")) {
      String label = line.startsWith("savepoint") ? "savepoint" : line.substring(0, 7);
      out.put(label, line.substring(label.length()).strip());
    }
    return out;
  }
}
