package dev.stormwatch.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioEvaluatorTest {
  private static final Instant T0 = Instant.parse("2026-03-03T00:00:00Z");
  private static final Instant LIVE_END = T0.plus(Duration.ofHours(12));
  private final ScenarioEvaluator evaluator = new ScenarioEvaluator();

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  private static Label label(String id, String service, String kind, int start, int impact,
      int end) {
    return new Label(id, "aws", service, kind, at(start), at(impact), at(end));
  }

  private static AlertEpisode episode(String service, int start) {
    return new AlertEpisode("aws/" + service + "/" + start, "aws", service, at(start),
        at(start + 10), true);
  }

  private ScenarioReport score(List<Label> incidents, List<Label> benign,
      List<AlertEpisode> episodes) {
    return evaluator.evaluate(incidents, benign, episodes, T0, LIVE_END, 12);
  }

  @Test
  void perfectAlertsScoreOne() {
    List<Label> incidents = List.of(label("a", "payments", "bad_deploy", 60, 62, 90),
        label("b", "search", "memory_leak", 200, 260, 280));
    ScenarioReport r = score(incidents, List.of(),
        List.of(episode("payments", 60), episode("search", 200)));
    assertThat(r.recall()).isEqualTo(1.0);
    assertThat(r.precision()).isEqualTo(1.0);
    assertThat(r.f1()).isEqualTo(1.0);
    assertThat(r.falseAlarms()).isZero();
    assertThat(r.detectionDelayMedianS()).isEqualTo(0.0);
    assertThat(r.warnedBeforeImpactShare()).isEqualTo(1.0);
    assertThat(r.falseAlarmsPerDay()).isEqualTo(0.0);
  }

  @Test
  void missedIncidentLowersRecallAndItsKindRecall() {
    List<Label> incidents = List.of(label("a", "payments", "bad_deploy", 60, 62, 90),
        label("b", "search", "memory_leak", 200, 260, 280),
        label("c", "auth", "bad_deploy", 400, 401, 420));
    ScenarioReport r = score(incidents, List.of(),
        List.of(episode("payments", 61), episode("search", 230)));
    assertThat(r.detected()).isEqualTo(2);
    assertThat(r.recall()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(r.precision()).isEqualTo(1.0);
    assertThat(r.f1()).isCloseTo(0.8, within(1e-12));
    assertThat(r.recallByKind().get("bad_deploy").recall()).isEqualTo(0.5);
    assertThat(r.recallByKind().get("memory_leak").recall()).isEqualTo(1.0);
    assertThat(r.perIncident().get(2).detected()).isFalse();
    assertThat(r.perIncident().get(2).delayS()).isNull();
  }

  @Test
  void alertOnAnotherServiceIsAFalseAlarmCountedPerDay() {
    List<Label> incidents = List.of(label("a", "payments", "bad_deploy", 60, 62, 90));
    ScenarioReport r = score(incidents, List.of(),
        List.of(episode("payments", 65), episode("checkout", 65)));
    assertThat(r.truePositiveEpisodes()).isEqualTo(1);
    assertThat(r.falseAlarms()).isEqualTo(1);
    assertThat(r.benignAlerts()).isZero();
    assertThat(r.precision()).isEqualTo(0.5);
    assertThat(r.f1()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(r.liveDays()).isEqualTo(0.5);
    assertThat(r.falseAlarmsPerDay()).isEqualTo(2.0);
    assertThat(r.falseAlarmsPerDayPer12Services()).isEqualTo(2.0);
    ScenarioReport six = evaluator.evaluate(incidents, List.of(),
        List.of(episode("payments", 65), episode("checkout", 65)), T0, LIVE_END, 6);
    assertThat(six.falseAlarmsPerDayPer12Services()).isEqualTo(4.0);
  }

  @Test
  void alertOnBenignLookAlikeIsAFalseAlarmAndABenignAlert() {
    List<Label> incidents = List.of(label("a", "payments", "bad_deploy", 60, 62, 90));
    List<Label> benign = List.of(label("b1", "search", "traffic_surge", 100, 100, 140),
        label("b2", "auth", "retry_storm", 300, 300, 305));
    ScenarioReport r = score(incidents, benign,
        List.of(episode("payments", 60), episode("search", 120), episode("auth", 400)));
    assertThat(r.falseAlarms()).isEqualTo(2);
    assertThat(r.benignAlerts()).isEqualTo(1);
    assertThat(r.benignEvents()).isEqualTo(2);
    assertThat(r.precision()).isCloseTo(1 / 3.0, within(1e-12));
  }

  @Test
  void alertBeforeStartMatchesOnlyWithinTheTolerance() {
    List<Label> incidents = List.of(label("a", "payments", "disk_filling", 100, 140, 150));
    List<AlertEpisode> early = List.of(episode("payments", 97));
    ScenarioReport strict = score(incidents, List.of(), early);
    assertThat(strict.detected()).isZero();
    assertThat(strict.falseAlarms()).isEqualTo(1);
    assertThat(strict.f1()).isEqualTo(0.0);
    ScenarioReport tolerant = new ScenarioEvaluator(Duration.ofMinutes(5), Duration.ofMinutes(15))
        .evaluate(incidents, List.of(), early, T0, LIVE_END, 12);
    assertThat(tolerant.detected()).isEqualTo(1);
    assertThat(tolerant.perIncident().get(0).delayS()).isEqualTo(-180L);
    assertThat(tolerant.perIncident().get(0).leadS()).isEqualTo(43 * 60L);
  }

  @Test
  void graceAfterEndIsInclusive() {
    List<Label> incidents = List.of(label("a", "payments", "cpu_saturation", 100, 101, 130));
    assertThat(score(incidents, List.of(), List.of(episode("payments", 145))).detected())
        .isEqualTo(1);
    assertThat(score(incidents, List.of(), List.of(episode("payments", 146))).detected()).isZero();
  }

  @Test
  void delayAndLeadTimeArithmetic() {
    List<Label> incidents = List.of(label("a", "payments", "memory_leak", 0, 30, 60),
        label("b", "search", "latency_creep", 100, 132, 160),
        label("c", "auth", "cert_expiry", 200, 250, 270));
    ScenarioReport r = score(incidents, List.of(), List.of(episode("payments", 10),
        episode("payments", 5 + 60), episode("search", 140), episode("auth", 250)));
    assertThat(r.perIncident()).extracting(ScenarioReport.IncidentOutcome::delayS)
        .containsExactly(600L, 2400L, 3000L);
    assertThat(r.perIncident()).extracting(ScenarioReport.IncidentOutcome::leadS)
        .containsExactly(1200L, -480L, 0L);
    assertThat(r.detectionDelayMedianS()).isEqualTo(2400.0);
    assertThat(r.detectionDelayP90S()).isCloseTo(2400 + 0.8 * 600, within(1e-9));
    assertThat(r.leadTimeMedianS()).isEqualTo(0.0);
    assertThat(r.warnedBeforeImpactShare()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(r.truePositiveEpisodes()).isEqualTo(4);
  }

  @Test
  void percentileInterpolatesBetweenRanks() {
    assertThat(ScenarioEvaluator.percentile(List.of(600.0, 2400.0), 0.5)).isEqualTo(1500.0);
    assertThat(ScenarioEvaluator.percentile(List.of(600.0, 2400.0), 0.9)).isCloseTo(2220.0,
        within(1e-9));
    assertThat(ScenarioEvaluator.percentile(List.of(), 0.5)).isNull();
  }

  @Test
  void episodesRunFromFiringToResolvedPerDedupKey() {
    List<AlertEpisodes.Event> events = List.of(
        new AlertEpisodes.Event("k1", "firing", "aws", "payments", at(20)),
        new AlertEpisodes.Event("k1", "resolved", "aws", "payments", at(5)),
        new AlertEpisodes.Event("k1", "firing", "aws", "payments", at(10)),
        new AlertEpisodes.Event("k1", "resolved", "aws", "payments", at(30)),
        new AlertEpisodes.Event("k2", "firing", "aws", "search", at(12)),
        new AlertEpisodes.Event("k1", "firing", "aws", "payments", at(40)),
        new AlertEpisodes.Event("k2", "resolved", "aws", "search", at(50)));
    List<AlertEpisode> episodes = AlertEpisodes.episodes(events);
    assertThat(episodes).containsExactly(
        new AlertEpisode("k1", "aws", "payments", at(10), at(30), true),
        new AlertEpisode("k2", "aws", "search", at(12), at(50), true),
        new AlertEpisode("k1", "aws", "payments", at(40), at(50), false));
  }

  @Test
  void commandReadsFilesAndWritesJson(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("incidents.json"), "[{\"id\":\"inc-01\",\"provider\":\"aws\","
        + "\"service\":\"payments\",\"kind\":\"bad_deploy\",\"start\":\"2026-03-03T01:00:00Z\","
        + "\"impact\":\"2026-03-03T01:02:00Z\",\"end\":\"2026-03-03T01:30:00Z\"}]");
    Files.writeString(dir.resolve("benign.json"), "[]");
    Files.writeString(dir.resolve("scenario.json"), "{\"live_start\":\"2026-03-03T00:00:00Z\","
        + "\"live_end\":\"2026-03-04T00:00:00Z\",\"services\":6}");
    Files.writeString(dir.resolve("alerts.jsonl"),
        "{\"dedup_key\":\"d1\",\"status\":\"firing\",\"provider\":\"aws\",\"service\":\"payments\","
            + "\"event_time\":\"2026-03-03T01:01:00Z\"}\n\n"
            + "{\"dedup_key\":\"d1\",\"status\":\"resolved\",\"provider\":\"aws\","
            + "\"service\":\"payments\",\"event_time\":\"2026-03-03T01:40:00Z\"}\n"
            + "{\"dedup_key\":\"d2\",\"status\":\"firing\",\"provider\":\"aws\",\"service\":\"auth\","
            + "\"event_time\":\"2026-03-03T05:00:00+00:00\"}\n");
    int code = ScenarioCommand.run(new String[] {"--incidents", dir.resolve("incidents.json")
        .toString(), "--benign", dir.resolve("benign.json").toString(), "--alerts",
        dir.resolve("alerts.jsonl").toString(), "--json", dir.resolve("out.json").toString()});
    assertThat(code).isZero();
    JsonNode out = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
    assertThat(out.get("recall").asDouble()).isEqualTo(1.0);
    assertThat(out.get("precision").asDouble()).isEqualTo(0.5);
    assertThat(out.get("false_alarms_per_day").asDouble()).isEqualTo(1.0);
    assertThat(out.get("false_alarms_per_day_per_12_services").asDouble()).isEqualTo(2.0);
    assertThat(out.get("detection_delay_median_s").asDouble()).isEqualTo(60.0);
    assertThat(out.get("per_incident").get(0).get("lead_s").asLong()).isEqualTo(60L);
  }
}
