package dev.stormwatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.alert.AlertState;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.BaselineDetector;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.eval.AlertEpisodes;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.ScenarioCommand;
import dev.stormwatch.eval.ScenarioEvaluator;
import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.eval.ScenarioReportText;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.sink.JsonCodec;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hybrid-eval.sh}: replays warm-up and live files once through {@link WindowReplay}, scores
 * the live windows with the baseline and with a hybrid model artifact (batches of 64), raises
 * alerts with the job's default {@link AlertPolicy} and scores both alert streams with the {@link
 * ScenarioEvaluator} against the scenario's labels.
 */
public final class ScenarioComparison {
  static final String USAGE = "usage: hybrid-eval.sh --warmup FILE --input FILE --model DIR"
      + " --incidents FILE [--benign FILE] [--scenario scenario.json] [--out DIR]";
  private static final int BATCH = 64;

  private ScenarioComparison() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i], args[i + 1]);
    }
    if (!opt.containsKey("--input") || !opt.containsKey("--model") || !opt.containsKey("--incidents")) {
      System.err.println(USAGE);
      System.exit(2);
    }
    List<Path> warmup = opt.containsKey("--warmup") ? List.of(Path.of(opt.get("--warmup"))) : List.of();
    TelemetryFiles files = new TelemetryFiles();
    long t0 = System.nanoTime();
    List<WindowAssembly> windows = WindowReplay.windows(
        files.readAll(warmup, List.of(Path.of(opt.get("--input")))), BaselineConfig.defaults());
    List<WindowAssembly> live = windows.stream().filter(w -> w.live).toList();
    System.out.printf("replayed %d windows (%d live) in %.1f s%n", windows.size(), live.size(),
        (System.nanoTime() - t0) / 1e9);
    Path incidents = Path.of(opt.get("--incidents"));
    List<Label> incidentLabels = Label.read(incidents);
    List<Label> benign = opt.containsKey("--benign") ? Label.read(Path.of(opt.get("--benign"))) : List.of();
    Path scenario = Path.of(opt.getOrDefault("--scenario",
        incidents.toAbsolutePath().resolveSibling("scenario.json").toString()));
    JsonNode meta = new ObjectMapper().readTree(scenario.toFile());
    Path out = Path.of(opt.getOrDefault("--out", "out/hybrid-eval"));
    try (Detector baseline = new BaselineDetector();
        Detector hybrid = HybridDetector.open(Path.of(opt.get("--model")),
            BaselineConfig.defaults().stepMillis, BaselineConfig.defaults().windowSteps)) {
      for (Detector d : List.of(baseline, hybrid)) {
        long started = System.nanoTime();
        List<DetectionResult> results = scoreInBatches(d, live);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<AlertEvent> alerts = alerts(results, new JobConfig());
        ScenarioReport report = new ScenarioEvaluator().evaluate(incidentLabels, benign,
            episodes(alerts), Instant.parse(meta.path("live_start").asText()),
            Instant.parse(meta.path("live_end").asText()), meta.path("services").asInt());
        Path dir = out.resolve(d.modelVersion());
        Files.createDirectories(dir);
        writeAlerts(alerts, dir.resolve("alerts.jsonl"));
        ScenarioCommand.writeJson(report, dir.resolve("scenario-report.json"));
        System.out.printf("%n== %s: scored %d live windows in %.1f s (%.3f ms/window)%n",
            d.modelVersion(), live.size(), seconds, 1000 * seconds / Math.max(1, live.size()));
        System.out.print(ScenarioReportText.format(report));
      }
    }
  }

  static List<DetectionResult> scoreInBatches(Detector d, List<WindowAssembly> windows) {
    List<DetectionResult> out = new ArrayList<>(windows.size());
    for (int from = 0; from < windows.size(); from += BATCH) {
      out.addAll(d.scoreAll(windows.subList(from, Math.min(windows.size(), from + BATCH))));
    }
    return out;
  }

  /** Runs each key's results, in window order, through the job's alert policy. */
  static List<AlertEvent> alerts(List<DetectionResult> results, JobConfig job) {
    AlertPolicy policy = new AlertPolicy(job.alertThreshold, job.raiseAfter, job.resolveThreshold,
        job.resolveAfter);
    Map<String, List<DetectionResult>> byKey = new LinkedHashMap<>();
    for (DetectionResult r : results) {
      byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
    }
    List<AlertEvent> alerts = new ArrayList<>();
    for (List<DetectionResult> keyResults : byKey.values()) {
      keyResults.sort(Comparator.comparingLong(r -> r.windowEnd));
      AlertState state = new AlertState();
      for (DetectionResult r : keyResults) {
        AlertEvent e = policy.advance(state, r);
        if (e != null) {
          alerts.add(e);
        }
      }
    }
    return alerts;
  }

  private static List<dev.stormwatch.eval.AlertEpisode> episodes(List<AlertEvent> alerts) {
    List<AlertEpisodes.Event> events = new ArrayList<>();
    for (AlertEvent a : alerts) {
      events.add(new AlertEpisodes.Event(a.dedupKey(), a.status(), a.provider(), a.service(),
          Instant.parse(a.eventTime())));
    }
    return AlertEpisodes.episodes(events);
  }

  private static void writeAlerts(List<AlertEvent> alerts, Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (AlertEvent a : alerts) {
      sb.append(JsonCodec.mapper().writeValueAsString(a)).append('\n');
    }
    Files.writeString(file, sb.toString());
  }
}
