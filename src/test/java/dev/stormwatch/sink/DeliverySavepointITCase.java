package dev.stormwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.StormwatchJob;
import dev.stormwatch.alert.delivery.FakePagerDuty;
import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a MiniCluster over the demo scenario's files, paging a local PagerDuty that
 * keeps incident semantics: PagerDuty goes down after the first page, the job is stopped with a
 * savepoint while notifications wait in its state, PagerDuty comes back, and the job resumes from
 * the savepoint to the end of the input. Over both runs PagerDuty saw, per dedup key, exactly the
 * alert events in order (trigger before resolve), one incident per firing alert, nothing twice.
 */
class DeliverySavepointITCase {
  private static final String KEY = "spR0UT1NGKEY0123456789abcdef0123";
  private static final Path DEMO = Path.of("datasets/demo").toAbsolutePath();

  @Test
  void pendingPagesSurviveAStopWithSavepointAndNothingIsPagedTwice(@TempDir Path dir) throws Exception {
    try (FakePagerDuty pd = new FakePagerDuty(KEY)) {
      Map<String, String> delivery = Map.of("PAGERDUTY_ROUTING_KEY", KEY, "PAGERDUTY_EVENTS_URL", pd.eventsUrl());
      pd.failAfter(1, 503);
      StreamExecutionEnvironment first = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfig());
      StormwatchJob.build(first, jobConfig(dir.resolve("out-1")), delivery);
      JobClient job = first.executeAsync("delivery-before-savepoint");
      String savepoint;
      try {
        long deadline = System.currentTimeMillis() + 180_000;
        while (pd.refusedDuringOutage() < 2 && System.currentTimeMillis() < deadline) {
          assertThat(job.getJobExecutionResult().isDone()).as("job ended before the savepoint").isFalse();
          Thread.sleep(50);
        }
        assertThat(pd.refusedDuringOutage()).as("pages waiting in state").isGreaterThanOrEqualTo(2);
        savepoint = job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
            SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(1, TimeUnit.MINUTES);
      } finally {
        cancelQuietly(job);
      }
      assertThat(pd.events()).hasSize(1);

      pd.recover();
      Configuration resume = flinkConfig();
      SavepointRestoreSettings.toConfiguration(SavepointRestoreSettings.forPath(savepoint, false), resume);
      StreamExecutionEnvironment second = StreamExecutionEnvironment.getExecutionEnvironment(resume);
      StormwatchJob.build(second, jobConfig(dir.resolve("out-2")), delivery);
      second.execute("delivery-after-savepoint");

      List<JsonNode> alerts = new ArrayList<>(jsonLines(dir.resolve("out-1/alerts.jsonl")));
      alerts.addAll(jsonLines(dir.resolve("out-2/alerts.jsonl")));
      Map<String, List<String>> expected = new LinkedHashMap<>();
      for (JsonNode a : alerts) {
        expected.computeIfAbsent(a.get("dedup_key").asText(), k -> new ArrayList<>())
            .add(a.get("status").asText().equals("firing") ? "trigger" : "resolve");
      }
      Map<String, List<String>> paged = new LinkedHashMap<>();
      for (FakePagerDuty.Event e : pd.events()) {
        paged.computeIfAbsent(e.dedupKey(), k -> new ArrayList<>()).add(e.action());
      }
      assertThat(paged).isEqualTo(expected);
      long firing = alerts.stream().filter(a -> a.get("status").asText().equals("firing")).count();
      assertThat(pd.incidents()).hasSize((int) firing);
      assertThat(Files.readString(dir.resolve("out-2/dead-letter.jsonl"))).doesNotContain("delivery_");
      System.out.printf("savepoint delivery: %d alert events, %d incidents, %d refused during the outage%n",
          alerts.size(), pd.incidents().size(), pd.refusedDuringOutage());
    }
  }

  private static JobConfig jobConfig(Path out) throws Exception {
    return ConfigLoader.fromArgs(new String[] {
        "--warmup", DEMO.resolve("history.jsonl.gz").toString(),
        "--input", DEMO.resolve("live.jsonl.gz").toString(),
        "--output", out.toString(), "--parallelism", "2"}).validate();
  }

  private static Configuration flinkConfig() {
    Configuration c = new Configuration();
    c.setString("execution.checkpointing.interval", "1 s");
    c.setString("restart-strategy.type", "none");
    c.setString("rest.bind-address", "127.0.0.1");
    c.setString("rest.address", "127.0.0.1");
    c.setString("rest.bind-port", "0");
    c.setString("jobmanager.bind-host", "127.0.0.1");
    c.setString("taskmanager.bind-host", "127.0.0.1");
    c.setString("taskmanager.host", "127.0.0.1");
    return c;
  }

  private static void cancelQuietly(JobClient job) {
    try {
      if (!job.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
        job.cancel().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception ignored) {
      // already gone; the test reports the original failure
    }
  }

  private static List<JsonNode> jsonLines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JsonCodec.mapper().readTree(line));
      }
    }
    return out;
  }
}
