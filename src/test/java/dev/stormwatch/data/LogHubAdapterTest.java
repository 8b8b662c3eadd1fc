package dev.stormwatch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converts the real LogHub samples (skipped when ../shared/datasets is absent). */
class LogHubAdapterTest {
  private static final Path ROOT = Path.of("../shared/datasets/loghub");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static void requireData() {
    assumeTrue(Files.isDirectory(ROOT.resolve("BGL")), "LogHub data not present at " + ROOT);
  }

  @Test
  void everySystemConvertsWithParsedTimesAndParseableRecords() throws IOException {
    requireData();
    List<String> systems = LogHubConverter.systems(ROOT);
    assertThat(systems).hasSize(16).contains("Android", "Apache", "BGL", "HDFS", "Thunderbird", "Zookeeper");
    for (String system : systems) {
      LogHubConverter.Converted c = LogHubConverter.convert(ROOT, system);
      assertThat(c.records()).as(system).hasSize(2000);
      assertThat(c.sidecar()).as(system).hasSize(2000);
      assertThat(c.summary().get("time_source").asText()).as(system).isNotEqualTo("synthetic-1s");
      assertThat(c.summary().get("time_carried_forward").asInt()).as(system + " unparsed times").isZero();
      assertThat(c.records()).as(system).isSortedAccordingTo(TimedLine.BY_TIME);
      List<TelemetryEvent> events = ParsedLines.parseAll(c.records());
      assertThat(events).as(system).allSatisfy(e -> {
        assertThat(e.kind()).isEqualTo(TelemetryEvent.Kind.LOG);
        assertThat(e.provider()).isEqualTo("onprem");
        assertThat(e.service()).isEqualTo(system);
      });
      Set<String> lineIds = new HashSet<>();
      for (String side : c.sidecar()) {
        JsonNode n = MAPPER.readTree(side);
        lineIds.add(n.get("line_id").asText());
        assertThat(n.get("event_template").asText()).as(system).isNotEmpty();
      }
      assertThat(lineIds).as(system + " line ids are unique").hasSize(2000);
    }
  }

  @Test
  void levelsMapOntoContractSeveritiesPerSystem() throws IOException {
    requireData();
    assertThat(severityCounts("Android")).containsEntry(Severity.ERROR, 3L).containsEntry(Severity.WARN, 170L)
        .containsEntry(Severity.DEBUG, 650L).containsEntry(Severity.TRACE, 257L);
    assertThat(severityCounts("BGL")).containsEntry(Severity.FATAL, 347L)
        .containsEntry(Severity.ERROR, 48L).containsEntry(Severity.WARN, 8L);
    assertThat(severityCounts("Apache")).containsEntry(Severity.ERROR, 595L).containsEntry(Severity.INFO, 1405L);
    assertThat(severityCounts("Linux")).containsOnlyKeys(Severity.INFO);
  }

  @Test
  void timesFollowEachSystemsFormat() throws IOException {
    requireData();
    assertThat(firstTime("Apache")).isEqualTo(Instant.parse("2005-12-04T04:47:44Z"));
    assertThat(firstTime("HDFS")).isEqualTo(Instant.parse("2008-11-09T20:36:15Z"));
    assertThat(firstTime("BGL")).isEqualTo(Instant.ofEpochSecond(1117838570));
    assertThat(firstTime("OpenSSH").atZone(java.time.ZoneOffset.UTC).getYear()).isEqualTo(LogHubTimes.ASSUMED_YEAR);
    LogHubConverter.Converted zk = LogHubConverter.convert(ROOT, "Zookeeper");
    assertThat(zk.records()).anyMatch(l -> l.time() % 1000 != 0);
  }

  @Test
  void bglLabelsAreKeptPerLine() throws IOException {
    requireData();
    LogHubConverter.Converted bgl = LogHubConverter.convert(ROOT, "BGL");
    long anomalous = 0;
    for (String side : bgl.sidecar()) {
      JsonNode n = MAPPER.readTree(side);
      assertThat(n.has("label")).isTrue();
      assertThat(n.get("anomalous").asBoolean()).isEqualTo(!n.get("label").asText().equals("-"));
      anomalous += n.get("anomalous").asBoolean() ? 1 : 0;
    }
    assertThat(anomalous).isEqualTo(143).isEqualTo(bgl.summary().get("anomalous_lines").asLong());
    assertThat(LogHubConverter.convert(ROOT, "Thunderbird").summary().has("anomalous_lines")).isTrue();
    assertThat(MAPPER.readTree(LogHubConverter.convert(ROOT, "HDFS").sidecar().get(0)).has("label")).isFalse();
  }

  @Test
  void aSystemWithoutUsableTimesGetsASyntheticOneSecondClock(@TempDir Path root) throws IOException {
    Path dir = Files.createDirectories(root.resolve("Custom"));
    Files.writeString(dir.resolve("Custom_2k.log_structured.csv"), """
        LineId,Level,Content,EventId,EventTemplate
        1,WARN,"disk 91% full, retrying",E1,disk <*> full<*>
        2,ERROR,"quoted ""name"" failed",E2,quoted <*> failed
        3,,plain,E3,plain
        """);
    LogHubConverter.Converted c = LogHubConverter.convert(root, "Custom");
    List<TelemetryEvent> events = ParsedLines.parseAll(c.records());
    assertThat(c.summary().get("time_source").asText()).isEqualTo("synthetic-1s");
    assertThat(events).extracting(TelemetryEvent::timeMillis).containsExactly(
        LogHubTimes.SYNTHETIC_START.toEpochMilli(), LogHubTimes.SYNTHETIC_START.toEpochMilli() + 1000,
        LogHubTimes.SYNTHETIC_START.toEpochMilli() + 2000);
    assertThat(events).extracting(TelemetryEvent::severity).containsExactly(Severity.WARN, Severity.ERROR, Severity.INFO);
    assertThat(events).extracting(TelemetryEvent::message)
        .containsExactly("disk 91% full, retrying", "quoted \"name\" failed", "plain");
    LogHubConverter.write(c, root.resolve("out"));
    assertThat(Files.readAllLines(root.resolve("out/Custom.jsonl"))).hasSize(3);
    assertThat(Files.readAllLines(root.resolve("out/events/Custom.jsonl"))).hasSize(3);
  }

  @Test
  void csvReaderHandlesQuotesAndLineBreaksInsideFields() throws IOException {
    try (CsvReader r = new CsvReader(new StringReader("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",,x\n"))) {
      assertThat(r.next()).containsExactly("a", "b,c", "d\"e");
      assertThat(r.next()).containsExactly("multi\nline", "", "x");
      assertThat(r.next()).isNull();
    }
  }

  private static Map<Integer, Long> severityCounts(String system) throws IOException {
    return ParsedLines.parseAll(LogHubConverter.convert(ROOT, system).records()).stream()
        .collect(Collectors.groupingBy(TelemetryEvent::severity, Collectors.counting()));
  }

  private static Instant firstTime(String system) throws IOException {
    return Instant.ofEpochMilli(LogHubConverter.convert(ROOT, system).records().get(0).time());
  }
}
