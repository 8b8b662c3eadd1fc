package dev.stormwatch.sink;

import dev.stormwatch.testing.JobRuns;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.StormwatchJob;
import dev.stormwatch.alert.delivery.FakePagerDuty;
import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.testing.EmbeddedKafka;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job ({@link StormwatchJob#build}) on a MiniCluster over the demo scenario (warm-up
 * history from its file, the live stream from a Kafka topic so the job is still running when its
 * alerts come out), paging a local PagerDuty that keeps incident semantics. PagerDuty goes down
 * after the first page, the job is stopped with a savepoint while notifications wait in its
 * state, PagerDuty comes back and the job resumes from the savepoint. Over both runs PagerDuty saw,
 * per dedup key, exactly the alert events in order (trigger before resolve), one incident per
 * firing alert, nothing twice.
 */
class DeliverySavepointITCase {
  private static final String KEY = "spR0UT1NGKEY0123456789abcdef0123";
  private static final String TOPIC = "telemetry";
  private static final Path DEMO = Path.of("datasets/demo").toAbsolutePath();

  @Test
  void pendingPagesSurviveAStopWithSavepointAndNothingIsPagedTwice(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(); FakePagerDuty pd = new FakePagerDuty(KEY)) {
      kafka.createTopic(TOPIC, 1);
      kafka.produce(TOPIC, gunzipLines(DEMO.resolve("live.jsonl.gz")));
      Map<String, String> delivery = Map.of("PAGERDUTY_ROUTING_KEY", KEY, "PAGERDUTY_EVENTS_URL", pd.eventsUrl());
      pd.failAfter(1, 503);
      StreamExecutionEnvironment first = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfig(dir));
      StormwatchJob.build(first, jobConfig(kafka.bootstrap(), dir.resolve("out-1")), delivery);
      JobClient job = first.executeAsync("delivery-before-savepoint");
      String savepoint;
      try {
        await(() -> pd.refusedDuringOutage() >= 2, job, "pages waiting during the outage");
        savepoint = job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
            SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(1, TimeUnit.MINUTES);
      } finally {
        JobRuns.cancelQuietly(job);
      }
      assertThat(pd.events()).hasSize(1);
      int alertsBefore = JobRuns.readJsonLines(dir.resolve("out-1/alerts.jsonl")).size();
      assertThat(alertsBefore).as("alert events before the savepoint").isGreaterThan(2);

      pd.recover();
      Configuration resume = flinkConfig(dir);
      SavepointRestoreSettings.toConfiguration(SavepointRestoreSettings.forPath(savepoint, false), resume);
      StreamExecutionEnvironment second = StreamExecutionEnvironment.getExecutionEnvironment(resume);
      StormwatchJob.build(second, jobConfig(kafka.bootstrap(), dir.resolve("out-2")), delivery);
      JobClient resumed = second.executeAsync("delivery-after-savepoint");
      Map<String, List<String>> expected;
      try {
        await(() -> pd.events().size() >= alertsBefore, resumed, "the pages held in the savepoint");
        // the resumed job may raise more alerts from the rest of the stream: wait until all are paged
        long quietSince = System.currentTimeMillis();
        expected = expected(dir);
        while (System.currentTimeMillis() - quietSince < 8_000) {
          Thread.sleep(500);
          Map<String, List<String>> now = expected(dir);
          if (!now.equals(expected) || !paged(pd).equals(now)) {
            quietSince = System.currentTimeMillis();
            expected = now;
          }
        }
      } finally {
        JobRuns.cancelQuietly(resumed);
      }
      assertThat(paged(pd)).isEqualTo(expected);
      long firing = expected.values().stream().flatMap(List::stream).filter(a -> a.equals("trigger")).count();
      assertThat(pd.incidents()).hasSize((int) firing);
      assertThat(pd.rejections()).isEmpty();
      System.out.printf("savepoint delivery: %d alert events (%d before the savepoint), %d incidents, "
          + "%d requests refused during the outage%n", expected.values().stream().mapToInt(List::size).sum(),
          alertsBefore, pd.incidents().size(), pd.refusedDuringOutage());
    }
  }

  private static Map<String, List<String>> expected(Path dir) throws Exception {
    List<JsonNode> alerts = new ArrayList<>(JobRuns.readJsonLines(dir.resolve("out-1/alerts.jsonl")));
    alerts.addAll(JobRuns.readJsonLines(dir.resolve("out-2/alerts.jsonl")));
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (JsonNode a : alerts) {
      expected.computeIfAbsent(a.get("dedup_key").asText(), k -> new ArrayList<>())
          .add(a.get("status").asText().equals("firing") ? "trigger" : "resolve");
    }
    return expected;
  }

  private static Map<String, List<String>> paged(FakePagerDuty pd) {
    Map<String, List<String>> paged = new LinkedHashMap<>();
    for (FakePagerDuty.Event e : pd.events()) {
      paged.computeIfAbsent(e.dedupKey(), k -> new ArrayList<>()).add(e.action());
    }
    return paged;
  }

  private static void await(BooleanSupplier done, JobClient job, String what) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
      assertThat(job.getJobExecutionResult().isDone()).as("job ended before " + what).isFalse();
      Thread.sleep(50);
    }
    assertThat(done.getAsBoolean()).as(what).isTrue();
  }

  private static List<String[]> gunzipLines(Path file) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(new String[] {null, line});
      }
    }
    return out;
  }

  private static JobConfig jobConfig(String bootstrap, Path out) throws Exception {
    return ConfigLoader.fromArgs(new String[] {
        "--warmup", DEMO.resolve("history.jsonl.gz").toString(),
        "--kafka", bootstrap, "--input-topic", TOPIC, "--starting-offsets", "earliest",
        "--output", out.toString(), "--parallelism", "2"}).validate();
  }

  private static Configuration flinkConfig(Path dir) {
    Configuration c = new Configuration();
    c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
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
}
