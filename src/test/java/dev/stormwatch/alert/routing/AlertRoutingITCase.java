package dev.stormwatch.alert.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.StormwatchJob;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.sink.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a MiniCluster: an outage of all four AWS services becomes one provider-wide
 * page instead of four service pages, and an incident on GCP inside a configured silence pages
 * nobody, while alerts.jsonl still records every lifecycle event.
 */
class AlertRoutingITCase {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private static final int LIVE_FROM = 720;
  private static final int LIVE_TO = 900;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @Test
  void providerOutagePagesOnceAndSilencedIncidentPagesNobody(@TempDir Path dir) throws Exception {
    OutageTelemetry telemetry = new OutageTelemetry(START, 5);
    Path history = dir.resolve("history.jsonl");
    Path live = dir.resolve("live.jsonl");
    telemetry.write(history, 0, LIVE_FROM);
    telemetry.write(live, LIVE_FROM, LIVE_TO,
        new OutageTelemetry.Incident(new int[] {0, 1, 2, 3}, 780, 800),
        new OutageTelemetry.Incident(new int[] {4}, 840, 855));

    JobConfig cfg = new JobConfig();
    cfg.inputFiles = List.of(live.toString());
    cfg.warmupFiles = List.of(history.toString());
    cfg.outputDir = dir.resolve("out").toString();
    cfg.parallelism = 2;
    cfg.routing.groupWait = Duration.ofMinutes(3);
    cfg.routing.silences.add(new Silence(new AlertMatchers("gcp", null, null),
        START.plusSeconds(830 * 60), START.plusSeconds(LIVE_TO * 60), "planned gcp failover"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StormwatchJob.build(env, cfg.validate());
    JobExecutionResult result = env.execute("routing-it");

    List<JsonNode> alerts = read(dir.resolve("out").resolve(StormwatchJob.ALERTS_FILE));
    List<JsonNode> notifications = read(dir.resolve("out").resolve(StormwatchJob.NOTIFICATIONS_FILE));
    List<String> lifecycle = describe(alerts);
    List<String> pages = describe(notifications);
    System.out.println("lifecycle events: " + lifecycle);
    System.out.println("notifications:    " + pages);
    System.out.println("counters:         " + result.getAllAccumulatorResults());

    long awsServicePages = lifecycle.stream().filter(a -> a.startsWith("aws/") && a.endsWith(":firing")).count();
    assertThat(awsServicePages).as("lifecycle firing events of AWS services").isGreaterThanOrEqualTo(3);
    assertThat(lifecycle).contains("gcp/search:firing", "gcp/search:resolved");
    assertThat(pages).containsExactly("aws/*:firing", "aws/*:resolved");
    JsonNode page = notifications.get(0);
    assertThat(page.get("summary").asText()).contains("Provider-wide incident on aws");
    assertThat(Instant.parse(page.get("event_time").asText()))
        .isBetween(START.plusSeconds(780 * 60), START.plusSeconds(790 * 60));

    assertThat(counter(result, AlertRouter.INHIBITED_COUNTER)).isGreaterThanOrEqualTo(awsServicePages);
    assertThat(counter(result, AlertRouter.SILENCED_COUNTER)).isEqualTo(2);
    assertThat(counter(result, AlertRouter.ROUTED_COUNTER)).isEqualTo(2);
  }

  private static long counter(JobExecutionResult r, String name) {
    Object v = r.getAccumulatorResult(name);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  private static List<String> describe(List<JsonNode> events) {
    return events.stream()
        .map(e -> e.get("provider").asText() + "/" + e.get("service").asText() + ":" + e.get("status").asText())
        .toList();
  }

  private static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          out.add(JsonCodec.mapper().readTree(line));
        }
      }
    }
    return out;
  }
}
