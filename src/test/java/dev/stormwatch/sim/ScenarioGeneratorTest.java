package dev.stormwatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stormwatch.event.DeadLetter.Reasons;
import dev.stormwatch.event.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioGeneratorTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  private static SimConfig config(long seed, Path out, int history, int live, int malformed,
      boolean gzip) {
    return new SimConfig(seed, out, START, history, live, 4, 3, 8, 4, malformed, gzip);
  }

  @Test
  void sameSeedGivesIdenticalBytesAndOtherSeedDiffers(@TempDir Path dir) throws IOException {
    ScenarioWriter.write(ScenarioGenerator.generate(config(7, dir.resolve("a"), 4, 6, 12, true)));
    ScenarioWriter.write(ScenarioGenerator.generate(config(7, dir.resolve("b"), 4, 6, 12, true)));
    ScenarioWriter.write(ScenarioGenerator.generate(config(8, dir.resolve("c"), 4, 6, 12, true)));
    for (String f : List.of("history.jsonl.gz", "live.jsonl.gz", "incidents.json", "benign.json",
        "scenario.json", "malformed.jsonl")) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(f)))
          .as(f).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
    }
    assertThat(Files.readAllBytes(dir.resolve("c").resolve("live.jsonl.gz")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve("live.jsonl.gz")));
    assertThat(Files.readString(dir.resolve("c").resolve("incidents.json")))
        .isNotEqualTo(Files.readString(dir.resolve("a").resolve("incidents.json")));
  }

  @Test
  void twoDaysOfTwelveServicesIsAboutHundredFortyThousandRecords() {
    Scenario s = ScenarioGenerator.generate(config(42, Path.of("unused"), 24, 24, 0, false));
    int total = s.history().size() + s.live().size();
    assertThat(total).isBetween(125_000, 160_000);
    assertThat(s.services()).hasSize(12);
    assertThat(s.services().stream().map(ServiceSpec::provider).distinct())
        .containsExactly("aws", "azure", "gcp", "ibm_cloud");
    assertThat(s.services().stream().map(x -> x.profile().metrics()).distinct().count())
        .as("metric sets differ between services").isGreaterThan(1);
  }

  @Test
  void everyRecordFollowsTheContractExceptExactlyTheInjectedLines(@TempDir Path dir)
      throws IOException {
    Scenario s = ScenarioGenerator.generate(config(3, dir, 6, 8, 14, false));
    ScenarioWriter.write(s);
    for (String line : s.history()) {
      assertThat(violation(line)).as(line).isNull();
    }
    List<String> marks = Files.readAllLines(dir.resolve("malformed.jsonl"));
    assertThat(marks).hasSize(14);
    Map<Long, String> expected = new HashMap<>();
    for (String m : marks) {
      JsonNode n = JSON.readTree(m);
      expected.put(n.get("line_number").asLong(), n.get("reason").asText());
    }
    List<String> live = Files.readAllLines(dir.resolve("live.jsonl"));
    Map<Long, String> found = new HashMap<>();
    for (int i = 0; i < live.size(); i++) {
      String reason = violation(live.get(i));
      if (reason != null) {
        found.put(i + 1L, reason);
      }
    }
    assertThat(found).isEqualTo(expected);
    assertThat(new HashSet<>(expected.values()))
        .containsExactlyInAnyOrder(Reasons.INVALID_JSON, Reasons.MISSING_FIELD,
            Reasons.INVALID_FIELD, Reasons.INVALID_TIME, Reasons.INVALID_METRIC,
            Reasons.UNKNOWN_KIND, Reasons.NOT_AN_OBJECT, Reasons.TOO_LARGE);
  }

  @Test
  void labelsLieInTheLivePeriodWithImpactBetweenStartAndEnd() {
    Scenario s = ScenarioGenerator.generate(config(11, Path.of("unused"), 6, 12, 0, false));
    int liveStart = s.config().historyMinutes();
    int liveEnd = s.config().totalMinutes();
    assertThat(s.incidents()).hasSize(8);
    assertThat(s.incidents().stream().map(ScenarioEvent::kind).distinct()).hasSize(8);
    for (ScenarioEvent e : s.incidents()) {
      assertThat(e.startMinute()).isGreaterThanOrEqualTo(liveStart);
      assertThat(e.endMinute()).isLessThanOrEqualTo(liveEnd);
      assertThat(e.startMinute()).isLessThan(e.impactMinute());
      assertThat(e.impactMinute()).isLessThanOrEqualTo(e.endMinute());
      int lead = e.impactMinute() - e.startMinute();
      assertThat(lead).isBetween(e.kind().gradual() ? 20 : 1, e.kind().gradual() ? 90 : 2);
    }
    assertThat(s.benign()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(s.benign().stream().map(ScenarioEvent::kind).distinct()).hasSize(4);
    for (ScenarioEvent e : s.benign()) {
      assertThat(e.kind().benign()).isTrue();
      assertThat(e.startMinute()).isGreaterThanOrEqualTo(liveStart);
      assertThat(e.endMinute()).isLessThanOrEqualTo(liveEnd);
    }
  }

  @Test
  void historyHasOneMetricPerResourceMinuteAndSomeLateDeliveries() throws IOException {
    Scenario s = ScenarioGenerator.generate(config(5, Path.of("unused"), 6, 8, 0, false));
    Map<String, Integer> perResource = new HashMap<>();
    long maxSeen = 0;
    long maxLateness = 0;
    for (String line : s.history()) {
      JsonNode n = JSON.readTree(line);
      long t = Instant.parse(n.get("time").asText()).toEpochMilli();
      maxLateness = Math.max(maxLateness, maxSeen - t);
      maxSeen = Math.max(maxSeen, t);
      if (n.get("kind").asText().equals("metric")) {
        perResource.merge(n.get("resource").asText(), 1, Integer::sum);
      }
    }
    int resources = s.services().stream().mapToInt(x -> x.resources().size()).sum();
    assertThat(perResource).hasSize(resources);
    assertThat(perResource.values()).allMatch(count -> count == 6 * 60);
    assertThat(maxLateness).as("out-of-order delivery").isBetween(5_000L, 31_500L);
  }

  @Test
  void gzipAndPlainOutputsCarryTheSameLines(@TempDir Path dir) throws IOException {
    ScenarioWriter.write(ScenarioGenerator.generate(config(9, dir.resolve("p"), 1, 6, 3, false)));
    ScenarioWriter.write(ScenarioGenerator.generate(config(9, dir.resolve("g"), 1, 6, 3, true)));
    try (var in = new java.util.zip.GZIPInputStream(
        Files.newInputStream(dir.resolve("g").resolve("live.jsonl.gz")))) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(dir.resolve("p").resolve("live.jsonl")));
    }
  }

  /** The dead-letter reason a contract-conforming parser gives the line, or null when valid. */
  private static String violation(String line) {
    if (line.length() > (1 << 20)) {
      return Reasons.TOO_LARGE;
    }
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (IOException e) {
      return Reasons.INVALID_JSON;
    }
    if (n == null || !n.isObject()) {
      return Reasons.NOT_AN_OBJECT;
    }
    for (String f : List.of("kind", "time", "provider", "service")) {
      if (!n.hasNonNull(f) || n.get(f).asText().isEmpty()) {
        return Reasons.MISSING_FIELD;
      }
    }
    try {
      Instant.parse(n.get("time").asText());
    } catch (RuntimeException e) {
      return Reasons.INVALID_TIME;
    }
    String kind = n.get("kind").asText();
    if (kind.equals("metric")) {
      JsonNode metrics = n.get("metrics");
      if (metrics == null || !metrics.isObject() || metrics.isEmpty()) {
        return Reasons.MISSING_FIELD;
      }
      for (Iterator<JsonNode> it = metrics.elements(); it.hasNext(); ) {
        JsonNode v = it.next();
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
          return Reasons.INVALID_METRIC;
        }
      }
      return null;
    }
    if (kind.equals("log")) {
      if (!n.hasNonNull("message") || !n.get("message").isTextual()) {
        return Reasons.INVALID_FIELD;
      }
      return Severity.fromName(n.path("severity").asText("INFO")) < 0 ? Reasons.INVALID_FIELD : null;
    }
    return Reasons.UNKNOWN_KIND;
  }
}
