package dev.stormwatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.alert.WindowDecision;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.eval.AlertEpisode;
import dev.stormwatch.eval.AlertEpisodes;
import dev.stormwatch.eval.DecisionReplay;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.ScenarioEvaluator;
import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labelled scenario replayed once into windows, and its scoring: a detector's results become
 * alerts through the job's alert policy, deciding either on the score or, as the job's Bayesian
 * layer does, on the posterior (per key, warm-up scores teach the score density through the same
 * {@link WindowDecision} step as the job), and the alerts are scored by the {@link
 * ScenarioEvaluator}.
 */
public final class ScenarioScoring {
  private static final int BATCH = 64;

  private final List<WindowAssembly> windows;
  private final List<Label> incidents;
  private final List<Label> benign;
  private final Instant liveStart;
  private final Instant liveEnd;
  private final int services;

  private ScenarioScoring(List<WindowAssembly> windows, List<Label> incidents, List<Label> benign,
      JsonNode meta) {
    this.windows = windows;
    this.incidents = incidents;
    this.benign = benign;
    this.liveStart = Instant.parse(meta.path("live_start").asText());
    this.liveEnd = Instant.parse(meta.path("live_end").asText());
    this.services = meta.path("services").asInt();
  }

  /** Replays warm-up and live files; labels and {@code scenario.json} from the given paths. */
  public static ScenarioScoring load(List<Path> warmup, Path input, Path incidents, Path benign,
      Path scenario) throws IOException {
    List<WindowAssembly> windows = WindowReplay.windows(
        new TelemetryFiles().readAll(warmup, List.of(input)), BaselineConfig.defaults());
    return new ScenarioScoring(windows, Label.read(incidents),
        benign == null ? List.of() : Label.read(benign),
        new ObjectMapper().readTree(scenario.toFile()));
  }

  /**
   * The command-line options of the scenario commands as a map ({@code --name value} pairs; a
   * trailing name without a value is ignored).
   */
  public static Map<String, String> options(String[] args) {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i], args[i + 1]);
    }
    return opt;
  }

  /**
   * Loads the scenario named by {@code --warmup} (optional), {@code --input}, {@code --incidents},
   * {@code --benign} (optional) and {@code --scenario} (default: {@code scenario.json} beside the
   * incidents).
   */
  public static ScenarioScoring load(Map<String, String> opt) throws IOException {
    Path incidents = Path.of(opt.get("--incidents"));
    return load(
        opt.containsKey("--warmup") ? List.of(Path.of(opt.get("--warmup"))) : List.of(),
        Path.of(opt.get("--input")), incidents,
        opt.containsKey("--benign") ? Path.of(opt.get("--benign")) : null,
        Path.of(opt.getOrDefault("--scenario",
            incidents.toAbsolutePath().resolveSibling("scenario.json").toString())));
  }

  /** All replayed windows, warm-up included. */
  public List<WindowAssembly> windows() {
    return windows;
  }

  /** The live windows. */
  public List<WindowAssembly> live() {
    return windows.stream().filter(w -> w.live).toList();
  }

  /** Scores windows in batches of 64. */
  public static List<DetectionResult> score(Detector d, List<WindowAssembly> windows) {
    List<DetectionResult> out = new ArrayList<>(windows.size());
    for (int from = 0; from < windows.size(); from += BATCH) {
      out.addAll(d.scoreAll(windows.subList(from, Math.min(windows.size(), from + BATCH))));
    }
    return out;
  }

  /** The alerts of scored windows; on the posterior, warm-up results teach each key's belief. */
  public static List<AlertEvent> alerts(List<DetectionResult> results, JobConfig job,
      boolean posterior) {
    AlertPolicy policy = new AlertPolicy(job.alertThreshold, job.raiseAfter, job.resolveThreshold,
        job.resolveAfter, posterior);
    return DecisionReplay.alerts(DecisionReplay.ordered(results), job, policy);
  }

  /** The scenario report of an alert stream. */
  public ScenarioReport evaluate(List<AlertEvent> alerts) {
    List<AlertEpisode> episodes = AlertEpisodes.episodesOf(alerts);
    return new ScenarioEvaluator().evaluate(incidents, benign, episodes,
        AlertEpisodes.warningsOf(alerts), liveStart, liveEnd, services);
  }

  /** One markdown table row: detected, episodes, false alarms (benign), precision, F1, delays. */
  public static String row(String name, ScenarioReport r) {
    return String.format(java.util.Locale.ROOT, "| %-28s | %d / %d | %d | %d (%d) | %s | %s | %s / %s |",
        name, r.detected(), r.incidents(), r.episodes(), r.falseAlarms(), r.benignAlerts(),
        ratio(r.precision()), ratio(r.f1()), minutes(r.detectionDelayMedianS()),
        minutes(r.detectionDelayP90S()));
  }

  /** Header of {@link #row}'s table. */
  public static String header() {
    return "| detector / decision          | detected | episodes | false alarms (benign) | precision"
        + " | F1 | delay median / p90 (min) |\n|---|---|---|---|---|---|---|";
  }

  private static String ratio(Double v) {
    return v == null ? "-" : String.format(java.util.Locale.ROOT, "%.3f", v);
  }

  private static String minutes(Double s) {
    return s == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", s / 60);
  }
}
