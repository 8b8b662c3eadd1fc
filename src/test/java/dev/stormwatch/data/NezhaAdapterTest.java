package dev.stormwatch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stormwatch.eval.Label;
import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converts the real Nezha files (skipped when ../shared/datasets is absent). */
class NezhaAdapterTest {
  private static final Path ROOT = Path.of("../shared/datasets/nezha");

  private static Path day(String date) {
    Path d = ROOT.resolve("rca_data").resolve(date);
    assumeTrue(Files.isDirectory(d.resolve("metric")), "Nezha data not present at " + d);
    return d;
  }

  @Test
  void trainTicketMetricsBecomeParseableRecordsSplitIntoShiftedHistoryAndLive() throws IOException {
    Path day = day("2023-01-29");
    NezhaDataset d = NezhaConverter.convert(NezhaOptions.defaults(ROOT, NezhaSystem.TRAINTICKET));

    long rows = 0;
    for (Path f : NezhaConverter.list(day.resolve("metric"), "_metric.csv")) {
      rows += Files.readAllLines(f).stream().skip(1).filter(l -> !l.isBlank()).count();
    }
    assertThat(d.history().size() + d.live().size()).isEqualTo(rows).isEqualTo(46 * 919);
    assertThat(d.metadata().get("services").asInt()).isEqualTo(46);

    List<TelemetryEvent> live = ParsedLines.parseAll(d.live());
    List<TelemetryEvent> history = ParsedLines.parseAll(d.history());
    assertThat(live).allMatch(e -> e.kind() == TelemetryEvent.Kind.METRIC && e.provider().equals("trainticket"));
    assertThat(live).allMatch(e -> e.resource().startsWith(e.service() + "-")
        && !e.service().matches(".*-[a-z0-9]{5}$"));
    assertThat(live).allMatch(e -> Arrays.stream(e.metricNames()).allMatch(n -> n.matches("[a-z][a-z0-9_]*")
        && !n.startsWith("node_")) && Arrays.stream(e.metricValues()).allMatch(Double::isFinite));
    Set<String> names = live.stream().flatMap(e -> Arrays.stream(e.metricNames())).collect(Collectors.toSet());
    assertThat(names).contains("cpu_usage_rate_pct", "memory_usage_mi", "pod_server_latency_p99_s",
        "pod_workload_ops", "pod_success_rate_pct");
    assertThat(history).as("NaN cells are left out, not written").anyMatch(
        e -> !Arrays.asList(e.metricNames()).contains("pod_server_latency_p90_s"));

    long liveStart = d.liveStart().toEpochMilli();
    long liveEnd = d.liveEnd().toEpochMilli();
    assertThat(live).allMatch(e -> e.timeMillis() >= liveStart && e.timeMillis() < liveEnd);
    assertThat(history).allMatch(e -> e.timeMillis() < liveStart);
    assertThat(d.history()).isSortedAccordingTo(TimedLine.BY_TIME);
    assertThat(d.live()).isSortedAccordingTo(TimedLine.BY_TIME);
    assertThat(d.history().get(0).time() + NezhaConverter.HISTORY_SHIFT.toMillis())
        .isGreaterThanOrEqualTo(liveEnd);

    assertThat(d.incidents()).hasSize(28);
    Set<String> services = live.stream().map(TelemetryEvent::service).collect(Collectors.toSet());
    assertThat(d.incidents()).allSatisfy(l -> {
      assertThat(services).contains(l.service());
      assertThat(l.start()).isAfterOrEqualTo(d.liveStart());
      assertThat(l.end()).isBefore(d.liveEnd()).isEqualTo(l.start().plusSeconds(180));
      assertThat(l.impact()).isEqualTo(l.start());
    });
    assertThat(d.incidents().get(0).start()).isEqualTo(Instant.parse("2023-01-29T08:43:04Z"));
    assertThat(d.incidents().get(0).service()).isEqualTo("ts-contacts-service");
    assertThat(d.incidents().stream().filter(l -> l.kind().equals("cpu_contention"))).hasSize(4);
  }

  @Test
  void quietMinutesMoveTheMiddayStretchUnderLoadToTheHistoryAndKeepEveryFaultLive() throws IOException {
    day("2023-01-29");
    NezhaOptions plain = NezhaOptions.defaults(ROOT, NezhaSystem.TRAINTICKET);
    NezhaDataset whole = NezhaConverter.convert(plain);
    NezhaDataset d = NezhaConverter.convert(plain.withQuietMinutes(60));

    // the only gap of an hour or more: 11:36:19 injection (label to 11:39:19) .. 13:31 injection
    var quiet = d.metadata().get("quiet_history");
    assertThat(quiet).hasSize(1);
    Instant start = Instant.parse(quiet.get(0).get("start").asText());
    Instant end = Instant.parse(quiet.get(0).get("end").asText());
    assertThat(start).isEqualTo(Instant.parse("2023-01-29T11:50:00Z"));
    assertThat(end).isEqualTo(Instant.parse("2023-01-29T13:21:00Z"));
    assertThat(d.metadata().get("quiet_minutes").asInt()).isEqualTo(60);

    int moved = d.history().size() - whole.history().size();
    assertThat(moved).isEqualTo(whole.live().size() - d.live().size()).isEqualTo(46 * 91);
    assertThat(d.live()).noneMatch(r -> r.time() >= start.toEpochMilli() && r.time() < end.toEpochMilli());
    long shiftedStart = start.toEpochMilli() - NezhaConverter.HISTORY_SHIFT.toMillis();
    assertThat(d.history().get(0).time()).isGreaterThanOrEqualTo(shiftedStart);
    assertThat(d.history()).isSortedAccordingTo(TimedLine.BY_TIME);
    assertThat(d.history()).allMatch(r -> r.time() < d.liveStart().toEpochMilli());
    assertThat(d.incidents()).isEqualTo(whole.incidents());
    assertThat(ParsedLines.parseAll(d.history().subList(0, moved)))
        .as("the moved stretch carries the live workload the evening lacks")
        .anyMatch(e -> Arrays.asList(e.metricNames()).contains("pod_workload_ops"));

    assertThat(whole.metadata().get("quiet_history")).isEmpty();
    assertThatThrownBy(() -> plain.withQuietMinutes(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quietStretchesKeepTheirMarginFromBothFaults() {
    var faults = List.of(
        new FaultList.Fault(Instant.parse("2023-01-29T10:00:30Z"), "a-1", "return"),
        new FaultList.Fault(Instant.parse("2023-01-29T10:40:00Z"), "a-1", "return"),
        new FaultList.Fault(Instant.parse("2023-01-29T12:00:00Z"), "a-1", "return"));
    var stretches = QuietStretches.between(faults, 3, 30, 10);
    assertThat(stretches).containsExactly(new QuietStretches.Stretch(
        Instant.parse("2023-01-29T10:53:00Z"), Instant.parse("2023-01-29T11:50:00Z")));
    assertThat(QuietStretches.between(faults, 3, 0, 10)).isEmpty();
    assertThat(QuietStretches.inAny(stretches, Instant.parse("2023-01-29T11:49:59Z").toEpochMilli())).isTrue();
    assertThat(QuietStretches.inAny(stretches, Instant.parse("2023-01-29T11:50:00Z").toEpochMilli())).isFalse();
  }

  @Test
  void writtenFilesAreReadByTheEvaluatorAndDescribeTheLivePeriod(@TempDir Path out) throws IOException {
    day("2022-08-22");
    NezhaDataset d = NezhaConverter.convert(NezhaOptions.defaults(ROOT, NezhaSystem.ONLINEBOUTIQUE));
    d.write(out, true);

    List<Label> labels = Label.read(out.resolve(NezhaDataset.INCIDENTS));
    assertThat(labels).hasSize(24);
    assertThat(labels).extracting(Label::provider).containsOnly("onlineboutique");
    assertThat(labels).extracting(Label::service).contains("frontend", "cartservice", "adservice");
    var meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(NezhaDataset.SCENARIO).toFile());
    assertThat(meta.get("services").asInt()).isEqualTo(10);
    assertThat(Instant.parse(meta.get("live_start").asText())).isEqualTo(d.liveStart());
    assertThat(Instant.parse(meta.get("live_end").asText())).isEqualTo(Instant.parse("2022-08-22T08:24:00Z"));
    assertThat(labels).allMatch(l -> !l.start().isBefore(d.liveStart()) && l.end().isBefore(d.liveEnd()));
    assertThat(lineCount(out.resolve(NezhaDataset.LIVE + ".gz"))).isEqualTo(d.live().size());
    assertThat(lineCount(out.resolve(NezhaDataset.HISTORY + ".gz"))).isEqualTo(d.history().size());
    ParsedLines.parseAll(d.live());
  }

  @Test
  void logsKeepTheApplicationLineAndItsLevel() throws IOException {
    Path file = day("2023-01-29").resolve("log").resolve("08_43_log.csv.gz");
    assumeTrue(Files.exists(file));
    List<TimedLine> logs = NezhaLogs.read(file, "trainticket", "on-prem");

    assertThat(logs).hasSize((int) lineCount(file) - 1);
    List<TelemetryEvent> events = ParsedLines.parseAll(logs);
    Map<Integer, Long> bySeverity = events.stream()
        .collect(Collectors.groupingBy(TelemetryEvent::severity, Collectors.counting()));
    assertThat(bySeverity).containsKeys(Severity.INFO, Severity.ERROR);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TelemetryEvent.Kind.LOG);
      assertThat(e.message()).doesNotMatch("^\\d{2}:\\d{2}:\\d{2}.*").doesNotEndWith("\n");
      assertThat(e.service()).startsWith("ts-");
    });
    TelemetryEvent error = events.stream().filter(e -> e.severity() == Severity.ERROR).findFirst().orElseThrow();
    assertThat(error.message()).startsWith("ERROR");
  }

  @Test
  void namesAndSeveritiesAreMappedAsDocumented() {
    assertThat(MetricNames.sanitize("CpuUsageRate(%)")).isEqualTo("cpu_usage_rate_pct");
    assertThat(MetricNames.sanitize("PodClientLatencyP90(s)")).isEqualTo("pod_client_latency_p90_s");
    assertThat(MetricNames.sanitize("MemoryUsage(Mi)")).isEqualTo("memory_usage_mi");
    assertThat(MetricNames.sanitize("NodeNetworkReceiveBytes")).isEqualTo("node_network_receive_bytes");
    assertThat(MetricNames.sanitize("HTTPRequests")).isEqualTo("http_requests");
    assertThat(PodNames.serviceOf("ts-basic-service-5dc8d4f9fd-46997")).isEqualTo("ts-basic-service");
    assertThat(PodNames.serviceOf("frontend-579b9bff58-t2dbm")).isEqualTo("frontend");
    assertThat(PodNames.serviceOf("redis-cart")).isEqualTo("redis-cart");
    assertThat(NezhaLogs.time("2023-01-29T09:20:29.295", "-6795364578871345152"))
        .hasValue(Instant.parse("2023-01-29T09:20:29.295Z").toEpochMilli());
    assertThat(NezhaLogs.time("2023-01-29T08:42:22.383150913Z", "1674981742383150913"))
        .hasValue(1674981742383L);
    assertThat(NezhaLogs.time("garbage", "-1")).isEmpty();
    assertThat(NezhaLogs.severity("WARN  v.s.i.VerifyCodeServiceImpl#114 ...")).isEqualTo("WARN");
    assertThat(NezhaLogs.severity("plain text without a level")).isEqualTo("INFO");
    assertThat(NezhaLogs.message("{\"log\":\"16:42:22.382 INFO  x.Y#1 done\\n\",\"stream\":\"stdout\"}"))
        .isEqualTo("INFO  x.Y#1 done");
    Set<String> seen = new HashSet<>();
    for (String s : List.of("V", "D", "I", "W", "E", "F", "notice", "error", "SEVERE", "combo", "Info")) {
      seen.add(LogHubLevels.toContract(s));
    }
    assertThat(seen).containsExactlyInAnyOrder("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
  }

  private static long lineCount(Path gz) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return r.lines().count();
    }
  }
}
