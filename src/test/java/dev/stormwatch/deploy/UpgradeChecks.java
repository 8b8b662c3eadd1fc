package dev.stormwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Assertions on the alerts and the cluster around a model upgrade (see ModelUpgradeE2ETest). */
final class UpgradeChecks {
  private UpgradeChecks() {}

  /**
   * Per dedup_key, after collapsing at-least-once replays (same status and event_time), the
   * alerts alternate firing, resolved, firing, ...: an open alert is never paged a second time.
   */
  static void assertNoSecondPage(List<JsonNode> alerts) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    alerts.stream()
        .sorted((a, b) -> a.get("event_time").asText().compareTo(b.get("event_time").asText()))
        .filter(a -> seen.add(a.get("dedup_key").asText() + a.get("status").asText() + a.get("event_time").asText()))
        .forEach(a -> byKey.computeIfAbsent(a.get("dedup_key").asText(), k -> new ArrayList<>())
            .add(a.get("status").asText()));
    byKey.forEach((key, statuses) -> {
      for (int i = 0; i < statuses.size(); i++) {
        assertThat(statuses.get(i)).as("alert %d of %s: %s", i, key, statuses)
            .isEqualTo(i % 2 == 0 ? "firing" : "resolved");
      }
    });
    long firing = alerts.stream().filter(a -> LocalStack.hasStatus(a, "firing")).map(
        a -> a.get("dedup_key").asText() + a.get("event_time").asText()).distinct().count();
    long resolved = alerts.stream().filter(a -> LocalStack.hasStatus(a, "resolved")).map(
        a -> a.get("dedup_key").asText() + a.get("event_time").asText()).distinct().count();
    assertThat(firing - resolved).as("alerts still open at the end").isBetween(0L, (long) byKey.size());
  }

  /**
   * No key fires in the stretch right after the upgrade (from {@code split} to {@code until} in
   * event time) except where a labelled incident of {@code incidents} is under way or starts within
   * 15 minutes (a gradual incident may be warned of before its labelled start): a job that lost its
   * baselines fires on every key once it starts scoring.
   */
  static void assertNoColdStart(List<JsonNode> alerts, Instant split, Instant until, Path incidents)
      throws java.io.IOException {
    List<dev.stormwatch.eval.Label> labels = dev.stormwatch.eval.Label.read(incidents);
    assertThat(alerts).filteredOn(a -> LocalStack.hasStatus(a, "firing"))
        .filteredOn(a -> {
          Instant t = Instant.parse(a.get("event_time").asText());
          return t.isAfter(split) && !t.isAfter(until);
        })
        .filteredOn(a -> labels.stream().noneMatch(l ->
            l.sameTarget(a.get("provider").asText(), a.get("service").asText())
                && !l.start().isAfter(until.plus(java.time.Duration.ofMinutes(15)))
                && l.end().isAfter(split)))
        .as("firings between %s and %s on keys without an incident", split, until).isEmpty();
  }

  /**
   * Every alert was scored by the model (no {@code +fallback}, no baseline); alerts emitted before
   * the upgrade started carry {@code before}, at least 5 emitted after it finished carry {@code
   * after}.
   */
  static void assertModelVersions(List<JsonNode> alerts, Instant started, Instant finished,
      String before, String after) {
    assertThat(alerts).extracting(a -> a.get("model_version").asText())
        .allMatch(v -> v.equals(before) || v.equals(after));
    assertThat(alerts).filteredOn(a -> Instant.parse(a.get("emitted_at").asText()).isBefore(started))
        .isNotEmpty().allMatch(a -> a.get("model_version").asText().equals(before));
    assertThat(alerts).filteredOn(a -> Instant.parse(a.get("emitted_at").asText()).isAfter(finished))
        .hasSizeGreaterThanOrEqualTo(5).allMatch(a -> a.get("model_version").asText().equals(after));
  }

  /**
   * The restarted job's detector loaded the model in its new class loader: no native-library
   * error in the TaskManager log and the detect operator's {@code windows_fallback} counter is 0.
   */
  static void assertScoredByTheModel(LocalStack stack, String jobId, String detector) throws Exception {
    String log = Files.readString(stack.work.resolve("flink/log/taskmanager.log"));
    assertThat(log).doesNotContain("UnsatisfiedLinkError").doesNotContain("baseline fallback");
    String detect = null;
    for (JsonNode v : stack.get("/jobs/" + jobId).path("vertices")) {
      if (v.path("name").asText().contains("detect (" + detector + ")")) {
        detect = v.path("id").asText();
      }
    }
    assertThat(detect).as("detect vertex of job " + jobId).isNotNull();
    String base = "/jobs/" + jobId + "/vertices/" + detect + "/subtasks/metrics";
    String counter = null;
    long deadline = System.nanoTime() + 60_000_000_000L;
    // the JobManager fetches metrics from the TaskManagers in the background: poll until listed
    while (counter == null && System.nanoTime() < deadline) {
      for (JsonNode m : stack.get(base)) {
        if (m.path("id").asText().endsWith("windows_fallback")) {
          counter = m.path("id").asText();
        }
      }
      if (counter == null) {
        Thread.sleep(1000);
      }
    }
    assertThat(counter).as("windows_fallback metric of the detect operator").isNotNull();
    JsonNode sum = stack.get(base + "?get=" + counter + "&agg=sum");
    assertThat(sum.get(0).path("sum").asDouble(-1)).as(counter).isZero();
  }
}
