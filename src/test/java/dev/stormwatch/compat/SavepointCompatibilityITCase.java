package dev.stormwatch.compat;

import dev.stormwatch.testing.JobRuns;
import static dev.stormwatch.compat.CompatScenario.counter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.StormwatchJob;
import dev.stormwatch.alert.AlertLifecycle;
import dev.stormwatch.source.ParseRecords;
import dev.stormwatch.testing.EmbeddedKafka;
import dev.stormwatch.testing.TelemetryWriter;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores the checked-in savepoint of release 0.1 (see {@link SavepointGenerator}) into today's
 * topology with allowNonRestoredState=false and checks that the learned state carried over: the
 * Kafka offset, payments' firing alert (it resolves, with the same dedup key, and never fires
 * again) and the baselines (an incident on search 15 minutes after the restore is caught, which a
 * cold key could not do for its first 30 minutes).
 */
class SavepointCompatibilityITCase {
  private static final int RESUME = CompatScenario.SAVEPOINT_MINUTE;
  private static final int END = RESUME + 45;
  private static final int SEARCH = 1;
  private static final int SEARCH_FROM = RESUME + 15;
  private static final int SEARCH_TO = RESUME + 30;

  @Test
  void releaseZeroOneSavepointRestoresWithItsLearnedState(@TempDir Path dir) throws Exception {
    URL resource = getClass().getResource(CompatScenario.SAVEPOINT_RESOURCE + "/"
        + CompatScenario.METADATA_FILE);
    assertThat(resource).as("checked-in savepoint").isNotNull();
    Path savepointRoot = Path.of(resource.toURI()).getParent();
    Properties meta = new Properties();
    try (InputStream in = resource.openStream()) {
      meta.load(in);
    }
    int savedOffset = Integer.parseInt(meta.getProperty("kafka.records"));
    String dedupKey = meta.getProperty("firing.dedup_key");

    Path live = dir.resolve("live.jsonl");
    new TelemetryWriter(CompatScenario.START, CompatScenario.SEED + 1)
        .write(live, RESUME, END, SEARCH, SEARCH_FROM, SEARCH_TO);
    Path out = dir.resolve("out");
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic(CompatScenario.TOPIC, 1);
      // offsets the 0.1 job already consumed: invalid records, so re-reading them shows up as dead letters
      kafka.produce(CompatScenario.TOPIC,
          Collections.nCopies(savedOffset, new String[] {null, "{\"consumed\":\"before the savepoint\"}"}));
      int liveRecords = CompatScenario.produce(kafka, live);

      Configuration conf = CompatScenario.flinkConfig();
      SavepointRestoreSettings.toConfiguration(SavepointRestoreSettings.forPath(
          savepointRoot.resolve(CompatScenario.SAVEPOINT_SUBDIR).toUri().toString(), false), conf);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      StormwatchJob.build(env, CompatScenario.jobConfig(kafka.bootstrap(), out));
      JobClient job = env.executeAsync("stormwatch-savepoint-compat");
      try {
        long windows = (long) TelemetryWriter.SERVICES.length * (END - RESUME - 5);
        CompatScenario.awaitAccumulators(job,
            acc -> counter(acc, ParseRecords.RECORDS_IN) >= liveRecords
                && counter(acc, AlertLifecycle.SCORED_COUNTER) >= windows,
            Duration.ofSeconds(60), "the restored job to process the new records");
        job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
            SavepointFormatType.CANONICAL).get(1, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(1, TimeUnit.MINUTES);
      } finally {
        JobRuns.cancelQuietly(job);
      }
    }

    assertThat(JobRuns.readJsonLines(out.resolve(StormwatchJob.DEAD_LETTER_FILE)))
        .as("dead letters (re-read offsets from before the savepoint?)").isEmpty();
    List<JsonNode> alerts = JobRuns.readJsonLines(out.resolve(StormwatchJob.ALERTS_FILE));
    List<String> payments = events(alerts, "payments");
    assertThat(payments).as("payments' alert events after the restore")
        .containsExactly("resolved " + dedupKey);
    List<JsonNode> searchFiring = alerts.stream()
        .filter(a -> a.get("service").asText().equals("search"))
        .filter(a -> a.get("status").asText().equals("firing")).toList();
    assertThat(searchFiring).as("search's incident, %d min after the restore", SEARCH_FROM - RESUME)
        .hasSize(1);
    Instant raised = Instant.parse(searchFiring.get(0).get("event_time").asText());
    assertThat(raised).isBetween(minute(SEARCH_FROM), minute(SEARCH_FROM + 6));
    assertThat(events(alerts, "checkout")).as("checkout had no incident").isEmpty();
  }

  private static List<String> events(List<JsonNode> alerts, String service) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : alerts) {
      if (a.get("service").asText().equals(service)) {
        out.add(a.get("status").asText() + " " + a.get("dedup_key").asText());
      }
    }
    return out;
  }

  private static Instant minute(int m) {
    return CompatScenario.START.plusSeconds(m * 60L);
  }
}
