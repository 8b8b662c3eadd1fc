package dev.stormwatch.compat;

import dev.stormwatch.testing.JobRuns;
import static dev.stormwatch.compat.CompatScenario.counter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.StormwatchJob;
import dev.stormwatch.alert.AlertLifecycle;
import dev.stormwatch.source.ParseRecords;
import dev.stormwatch.testing.EmbeddedKafka;
import dev.stormwatch.testing.TelemetryWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Writes the checked-in compatibility savepoint: runs the real job on a MiniCluster with RocksDB
 * over {@link CompatScenario}'s telemetry from an embedded Kafka broker, waits until all of it is
 * processed and payments' alert is firing, stops the job with a canonical savepoint (without
 * draining, so open panes and the firing alert stay in state) and copies it, with a properties file
 * describing it, into the target directory (default {@code src/test/resources/savepoints/stormwatch-0.1}).
 */
public final class SavepointGenerator {
  private SavepointGenerator() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "src/test/resources" + CompatScenario.SAVEPOINT_RESOURCE);
    Path work = Files.createTempDirectory("stormwatch-savepoint-");
    try {
      generate(target.toAbsolutePath(), work);
    } finally {
      deleteTree(work);
    }
  }

  static void generate(Path target, Path work) throws Exception {
    Path data = work.resolve("telemetry.jsonl");
    new TelemetryWriter(CompatScenario.START, CompatScenario.SEED).write(data, 0,
        CompatScenario.SAVEPOINT_MINUTE, CompatScenario.PAYMENTS, CompatScenario.INCIDENT_FROM,
        CompatScenario.SAVEPOINT_MINUTE);
    Path out = work.resolve("out");
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic(CompatScenario.TOPIC, 1);
      int records = CompatScenario.produce(kafka, data);
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.getExecutionEnvironment(CompatScenario.flinkConfig());
      StormwatchJob.build(env, CompatScenario.jobConfig(kafka.bootstrap(), out));
      JobClient job = env.executeAsync("stormwatch-savepoint-generator");
      String savepoint;
      try {
        long windows = (long) TelemetryWriter.SERVICES.length * (CompatScenario.SAVEPOINT_MINUTE - 4);
        CompatScenario.awaitAccumulators(job, acc -> counter(acc, ParseRecords.RECORDS_IN) >= records
                && counter(acc, AlertLifecycle.SCORED_COUNTER) >= windows
                && counter(acc, AlertLifecycle.FIRING_COUNTER) >= 1,
            Duration.ofSeconds(90), "all records processed and an alert firing");
        savepoint = job.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(),
            SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(1, TimeUnit.MINUTES);
      } finally {
        JobRuns.cancelQuietly(job);
      }
      String dedupKey = firingPaymentsKey(out.resolve(StormwatchJob.ALERTS_FILE));
      install(Path.of(URI.create(savepoint)), target, records, dedupKey);
    }
  }

  /** The dedup key of payments' alert; fails unless it is firing and unresolved at the savepoint. */
  private static String firingPaymentsKey(Path alertsFile) throws IOException {
    String payments = TelemetryWriter.SERVICES[CompatScenario.PAYMENTS][2];
    List<JsonNode> alerts = JobRuns.readJsonLines(alertsFile).stream()
        .filter(a -> a.get("service").asText().equals(payments)).toList();
    if (alerts.isEmpty() || !alerts.get(alerts.size() - 1).get("status").asText().equals("firing")) {
      throw new IllegalStateException("payments' alert is not firing at the savepoint: " + alerts);
    }
    return alerts.get(alerts.size() - 1).get("dedup_key").asText();
  }

  private static void install(Path savepoint, Path target, int records, String dedupKey)
      throws IOException {
    Path dir = target.resolve(CompatScenario.SAVEPOINT_SUBDIR);
    deleteTree(dir);
    Files.createDirectories(dir);
    long bytes = 0;
    try (Stream<Path> files = Files.list(savepoint)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName().toString()));
        bytes += Files.size(f);
      }
    }
    Properties p = new Properties();
    p.setProperty("flink.version", EnvironmentInformation.getVersion());
    p.setProperty("format", SavepointFormatType.CANONICAL.name());
    p.setProperty("state.backend", "rocksdb");
    p.setProperty("kafka.topic", CompatScenario.TOPIC);
    p.setProperty("kafka.partitions", "1");
    p.setProperty("kafka.records", Integer.toString(records));
    p.setProperty("data.start", CompatScenario.START.toString());
    p.setProperty("data.seed", Long.toString(CompatScenario.SEED));
    p.setProperty("data.minutes", Integer.toString(CompatScenario.SAVEPOINT_MINUTE));
    p.setProperty("firing.dedup_key", dedupKey);
    try (OutputStream o = Files.newOutputStream(target.resolve(CompatScenario.METADATA_FILE))) {
      p.store(o, "written by dev.stormwatch.compat.SavepointGenerator; see docs/cluster.md");
    }
    System.out.printf("savepoint of %d records (%d bytes) with firing alert %s written to %s%n",
        records, bytes, dedupKey, dir);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
