package dev.stormwatch.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.sim.ScenarioGenerator;
import dev.stormwatch.sim.ScenarioWriter;
import dev.stormwatch.sim.SimConfig;
import dev.stormwatch.sink.JsonCodec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir static Path dir;
  static List<ComparisonRow> rows;
  static Path out;

  @BeforeAll
  static void runComparisonOnATinyScenario() throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path data = dir.resolve("scenario");
    ScenarioWriter.write(ScenarioGenerator.generate(new SimConfig(
        17, data, Instant.parse("2026-03-02T00:00:00Z"), 12, 4, 2, 1, 2, 1, 0, true)));
    out = dir.resolve("compare");
    String[] args = {
      "--warmup", data.resolve("history.jsonl.gz").toString(),
      "--input", data.resolve("live.jsonl.gz").toString(),
      "--incidents", data.resolve("incidents.json").toString(),
      "--benign", data.resolve("benign.json").toString(),
      "--detectors", "baseline,rcf",
      "--out", out.toString()
    };
    rows = CompareCommand.compare(CompareOptions.parse(args));
  }

  @Test
  void bothDetectorsWriteAlertsInTheOutputContract() throws IOException {
    for (String detector : List.of("baseline", "rcf")) {
      Path alerts = out.resolve(detector).resolve("alerts.jsonl");
      assertThat(alerts).exists();
      for (String line : Files.readAllLines(alerts)) {
        AlertEvent a = JsonCodec.parseAlert(line);
        assertThat(a.status()).isIn(AlertEvent.FIRING, AlertEvent.RESOLVED);
        assertThat(a.severity()).isIn("critical", "error", "warning", "info");
        assertThat(a.provider()).isNotEmpty();
        assertThat(a.service()).isNotEmpty();
        assertThat(a.dedupKey()).startsWith("stormwatch-");
        assertThat(a.modelVersion()).isEqualTo(detector + "-1");
        assertThat(a.score()).isBetween(0.0, 1.0);
        Instant.parse(a.eventTime());
        assertThat(line).contains("\"alert_id\"", "\"contributors\"", "\"log_evidence\"");
      }
      assertThat(out.resolve(detector).resolve("evaluation.json")).exists();
    }
    assertThat(Files.readAllLines(out.resolve("baseline").resolve("alerts.jsonl")))
        .as("the baseline raises at least one alert on a scenario with incidents").isNotEmpty();
  }

  @Test
  void tableHasOneRowPerDetectorWithMeasuredThroughput() throws IOException {
    assertThat(rows).extracting(ComparisonRow::name).containsExactly("baseline", "rcf");
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.recordsPerSecond()).isPositive();
      assertThat(r.recordsPerCpuSecond()).isPositive();
      assertThat(r.seconds()).isPositive();
      assertThat(r.report().incidents()).isEqualTo(2);
      assertThat(r.report().services()).isEqualTo(2);
    });
    List<String> table = Files.readAllLines(out.resolve("comparison.txt"));
    assertThat(table.get(0)).contains("detector", "recall", "precision", "F1", "records/s");
    assertThat(table).anyMatch(l -> l.startsWith("baseline ")).anyMatch(l -> l.startsWith("rcf "));
  }

  @Test
  void reportLinksValidPngPlots() throws IOException {
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).contains("| baseline |", "| rcf |", "![lead times](lead-times.png)");
    Matcher images = Pattern.compile("!\\[[^]]*]\\(([^)]+\\.png)\\)").matcher(md);
    int count = 0;
    while (images.find()) {
      Path png = out.resolve(images.group(1));
      assertThat(png).exists();
      byte[] bytes = Files.readAllBytes(png);
      assertThat(bytes.length).as(png.toString()).isGreaterThan(10_000);
      assertThat(java.util.Arrays.copyOf(bytes, 8)).isEqualTo(PNG_SIGNATURE);
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isGreaterThanOrEqualTo(700);
      assertThat(image.getHeight()).isGreaterThanOrEqualTo(300);
      count++;
    }
    assertThat(count).as("lead-time plot and at least one incident plot").isGreaterThanOrEqualTo(2);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(count);
    }
  }

  @Test
  void alertsFromAnotherRunBecomeARowWithoutThroughput() throws IOException {
    Path data = dir.resolve("scenario");
    Path second = dir.resolve("compare-from");
    List<ComparisonRow> fromFile = CompareCommand.compare(CompareOptions.parse(new String[] {
      "--input", data.resolve("live.jsonl.gz").toString(),
      "--incidents", data.resolve("incidents.json").toString(),
      "--detectors", "",
      "--alerts-from", "job=" + out.resolve("baseline").resolve("alerts.jsonl"),
      "--no-report",
      "--out", second.toString()
    }));
    assertThat(fromFile).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("job");
      assertThat(r.recordsPerSecond()).isNull();
      assertThat(r.recordsPerCpuSecond()).isNull();
      assertThat(r.report().episodes()).isEqualTo(rows.get(0).report().episodes());
      assertThat(r.report().detected()).isEqualTo(rows.get(0).report().detected());
    });
    assertThat(Files.readString(second.resolve("comparison.txt"))).contains("job", "n/a");
    assertThat(second.resolve("report.md")).doesNotExist();
  }

  @Test
  void earlyWarningsInAnAlertFileMoveTheFirstNoticeButNotThePageMetrics() throws IOException {
    Path data = dir.resolve("scenario");
    Path withWarning = dir.resolve("with-warning.jsonl");
    List<String> lines = Files.readAllLines(out.resolve("baseline").resolve("alerts.jsonl"));
    // a warning one minute before the first page of an incident paged two or more minutes after onset
    var late = rows.get(0).report().perIncident().stream()
        .filter(o -> o.detected() && o.delayS() >= 120).findFirst().orElseThrow();
    AlertEvent page = null;
    for (String line : lines) {
      AlertEvent a = JsonCodec.mapper().readValue(line, AlertEvent.class);
      if (a.status().equals(AlertEvent.FIRING) && a.service().equals(late.service())
          && Instant.parse(a.eventTime()).equals(Instant.parse(late.firstAlert()))) {
        page = a;
      }
    }
    assertThat(page).isNotNull();
    AlertEvent warning = new AlertEvent("warning-1", page.dedupKey(), AlertEvent.EARLY_WARNING, "info",
        page.provider(), page.region(), page.service(),
        Instant.parse(page.eventTime()).minusSeconds(60).toString(), page.emittedAt(), 0.99, 0.1,
        0.1, page.modelVersion(), "Early warning", List.of(), List.of());
    List<String> all = new java.util.ArrayList<>(List.of(JsonCodec.mapper().writeValueAsString(warning)));
    all.addAll(lines);
    Files.write(withWarning, all);
    List<ComparisonRow> compared = CompareCommand.compare(CompareOptions.parse(new String[] {
      "--input", data.resolve("live.jsonl.gz").toString(),
      "--incidents", data.resolve("incidents.json").toString(),
      "--detectors", "",
      "--alerts-from", "warned=" + withWarning,
      "--no-report",
      "--out", dir.resolve("compare-warned").toString()
    }));
    assertThat(compared).singleElement().satisfies(r -> {
      assertThat(r.report().episodes()).isEqualTo(rows.get(0).report().episodes());
      assertThat(r.report().leadTimeMedianS()).isEqualTo(rows.get(0).report().leadTimeMedianS());
      assertThat(r.report().earlyWarnings().warnings()).isEqualTo(1);
      assertThat(r.report().earlyWarnings().warnedFirst()).isEqualTo(1);
    });
    assertThat(Files.readString(dir.resolve("compare-warned").resolve("comparison.txt")))
        .contains("first-notice lead", "(1 early warnings, 0 false)");
  }

  @Test
  void rejectsUnknownDetectorsAndMissingOptions() throws IOException {
    assertThat(CompareCommand.run(new String[] {"--input", "x", "--incidents", "y", "--out", "z",
        "--detectors", "isolation-forest"})).isEqualTo(2);
    assertThat(CompareCommand.run(new String[] {"--input", "x"})).isEqualTo(2);
    assertThat(CompareCommand.run(new String[] {"--input", "x", "--incidents", "y", "--out", "z",
        "--alerts-from", "noequals"})).isEqualTo(2);
    assertThat(Set.of(CompareOptions.DETECTORS.toArray())).contains("baseline", "rcf");
  }
}
