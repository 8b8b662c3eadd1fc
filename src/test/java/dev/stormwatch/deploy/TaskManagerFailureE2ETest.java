package dev.stormwatch.deploy;

import static dev.stormwatch.deploy.LocalStack.awaitAlert;
import static dev.stormwatch.deploy.LocalStack.hasStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stormwatch.testing.TelemetryWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failure recovery on a real standalone cluster and broker: as soon as an incident fired (and at
 * least one checkpoint completed) the TaskManager is killed with SIGKILL and a fresh one started;
 * the job must restart from the latest checkpoint and page exactly once and resolve exactly once
 * per incident. Input after that checkpoint is replayed, so the at-least-once Kafka sink may repeat
 * the firing, but only with the same dedup key, status and event time (one event for a pager).
 */
@Tag("heavy")
class TaskManagerFailureE2ETest {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private static final int INCIDENT_FROM = 800;
  private static final int INCIDENT_TO = 830;
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(120);

  @Test
  @Timeout(300)
  void jobRecoversFromCheckpointAfterTaskManagerIsKilledWithoutLosingOrRepeatingPages() throws Exception {
    long began = System.nanoTime();
    LocalStack stack = LocalStack.create(ROOT, "e2e-tm-failure");
    Path before = stack.work.resolve("telemetry-before.jsonl");
    Path after = stack.work.resolve("telemetry-after.jsonl");
    TelemetryWriter writer = new TelemetryWriter(START, 7);
    writer.write(before, 0, INCIDENT_FROM + 10, 0, INCIDENT_FROM, INCIDENT_TO);
    writer.write(after, INCIDENT_FROM + 10, 900, 0, INCIDENT_FROM, INCIDENT_TO);
    Path descriptor = fastCheckpointDescriptor(stack.work.resolve("local-kafka-5s-checkpoints.yaml"));

    boolean passed = false;
    try {
      stack.start();
      stack.produce(before);
      String job = stack.scripts.run(180, "scripts/submit.sh", descriptor.toString()).strip();
      assertThat(job).matches("[0-9a-f]{32}");

      List<JsonNode> alerts = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = stack.alertsConsumer()) {
        JsonNode firing = awaitAlert(consumer, alerts, a -> hasStatus(a, "firing"), Duration.ofSeconds(120));
        assertThat(firing.get("service").asText()).isEqualTo("payments");
        long checkpoint = awaitCompletedCheckpoint(stack, job);
        log(began, "firing seen; latest completed checkpoint " + checkpoint);

        long oldTaskManager = killTaskManager(stack);
        log(began, "killed taskmanager pid " + oldTaskManager + " with SIGKILL");
        assertThat(stack.scripts.run(120, "scripts/flink-local.sh", "start-taskmanager"))
            .contains("TaskManager ready");
        assertThat(readPid(stack.flinkPidFile("taskmanager"))).isNotEqualTo(oldTaskManager);
        JsonNode restored = awaitRecovery(stack, job);
        log(began, "job RUNNING again after " + restarts(stack, job) + " restart(s), restored checkpoint "
            + restored.path("id").asLong());
        assertThat(restored.path("is_savepoint").asBoolean()).as("restored from a savepoint").isFalse();
        assertThat(restored.path("id").asLong()).isGreaterThanOrEqualTo(checkpoint);

        stack.produce(after);
        String key = firing.get("dedup_key").asText();
        JsonNode resolved = awaitAlert(consumer, alerts,
            a -> hasStatus(a, "resolved") && a.get("dedup_key").asText().equals(key), Duration.ofSeconds(120));
        LocalStack.drain(consumer, alerts, Duration.ofSeconds(5));
        log(began, "resolved seen; " + alerts.size() + " alert records in the topic, "
            + alerts.stream().filter(a -> hasStatus(a, "firing")).count() + " of them firing");

        Map<String, Set<String>> distinct = distinctEvents(alerts);
        assertThat(distinct).as("distinct (dedup_key, status) -> event times").containsOnlyKeys(
            key + " firing", key + " resolved");
        assertThat(distinct.get(key + " firing")).as("distinct firings").hasSize(1);
        assertThat(distinct.get(key + " resolved")).as("distinct resolutions").hasSize(1);
        assertThat(Instant.parse(resolved.get("event_time").asText())).isAfter(minute(INCIDENT_TO));
      }
      passed = true;
    } finally {
      stack.stop(passed);
      log(began, passed ? "passed" : "failed");
    }
  }

  /** jobs/local-kafka.yaml with a checkpoint every 5 s (the repo's default is 30 s). */
  private static Path fastCheckpointDescriptor(Path out) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode job = (ObjectNode) yaml.readTree(ROOT.resolve("jobs/local-kafka.yaml").toFile());
    ObjectNode checkpoints = (ObjectNode) job.get("checkpoints");
    checkpoints.put("interval", "5s");
    checkpoints.put("min-pause", "1s");
    yaml.writeValue(out.toFile(), job);
    return out;
  }

  /** Waits until the job has completed a checkpoint; returns the latest one's id. */
  private static long awaitCompletedCheckpoint(LocalStack stack, String job) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode completed = stack.get("/jobs/" + job + "/checkpoints").path("latest").path("completed");
      if (completed.isObject()) {
        return completed.path("id").asLong();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no checkpoint completed within 60 s: "
        + stack.get("/jobs/" + job + "/checkpoints").path("counts"));
  }

  /** Kills the TaskManager named by the cluster's pid file with SIGKILL and waits until it is gone. */
  private static long killTaskManager(LocalStack stack) throws Exception {
    long pid = readPid(stack.flinkPidFile("taskmanager"));
    ProcessHandle taskManager = ProcessHandle.of(pid)
        .orElseThrow(() -> new AssertionError("taskmanager pid " + pid + " is not running"));
    assertThat(taskManager.info().commandLine().orElse("")).contains("TaskManagerRunner");
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -9 " + pid).isTrue();
    taskManager.onExit().get(10, TimeUnit.SECONDS);
    return pid;
  }

  /**
   * Waits until the job restarted at least once and runs again with every task RUNNING; returns
   * the REST description of the checkpoint it restored.
   */
  private static JsonNode awaitRecovery(LocalStack stack, String job) throws Exception {
    long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      JsonNode details = stack.get("/jobs/" + job);
      long restarts = restarts(stack, job);
      JsonNode restored = stack.get("/jobs/" + job + "/checkpoints").path("latest").path("restored");
      boolean allRunning = details.path("vertices").size() > 0;
      for (JsonNode v : details.path("vertices")) {
        allRunning &= v.path("status").asText().equals("RUNNING");
      }
      last = "state " + details.path("state").asText() + ", restarts " + restarts
          + ", all tasks running " + allRunning + ", restored " + restored;
      if (details.path("state").asText().equals("RUNNING") && allRunning && restarts >= 1
          && restored.isObject()) {
        return restored;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("job did not recover within " + RECOVERY_TIMEOUT + ": " + last);
  }

  /** The job's numRestarts metric (-1 while the metric is not yet reported). */
  private static long restarts(LocalStack stack, String job) throws Exception {
    for (JsonNode m : stack.get("/jobs/" + job + "/metrics?get=numRestarts")) {
      if (m.path("id").asText().equals("numRestarts")) {
        return m.path("value").asLong(-1);
      }
    }
    return -1;
  }

  /** Alerts grouped by "dedup_key status" into their distinct event times (replays collapse). */
  private static Map<String, Set<String>> distinctEvents(List<JsonNode> alerts) {
    return alerts.stream().collect(Collectors.groupingBy(
        a -> a.get("dedup_key").asText() + " " + a.get("status").asText(), TreeMap::new,
        Collectors.mapping(a -> a.get("event_time").asText(), Collectors.toSet())));
  }

  private static long readPid(Path file) throws IOException {
    return Long.parseLong(Files.readString(file).strip());
  }

  private static Instant minute(int m) {
    return START.plusSeconds(m * 60L);
  }

  private static void log(long began, String message) {
    System.err.printf("[tm-failure +%ds] %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began),
        message);
  }
}
