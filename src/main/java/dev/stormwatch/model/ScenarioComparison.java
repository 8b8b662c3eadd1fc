package dev.stormwatch.model;

import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.BaselineDetector;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.eval.ScenarioCommand;
import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.eval.ScenarioReportText;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.sink.JsonCodec;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hybrid-eval.sh}: replays warm-up and live files once through {@link WindowReplay}, scores
 * all windows with the baseline and with a hybrid model artifact (batches of 64), raises alerts
 * with the job's default {@link dev.stormwatch.alert.AlertPolicy} deciding on the score and/or on
 * the Bayesian posterior, and scores each alert stream against the scenario's labels.
 */
public final class ScenarioComparison {
  static final String USAGE = "usage: hybrid-eval.sh --warmup FILE --input FILE --model DIR"
      + " --incidents FILE [--benign FILE] [--scenario scenario.json] [--out DIR]"
      + " [--decide-on score|posterior|both]";

  private ScenarioComparison() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = ScenarioScoring.options(args);
    String decideOn = opt.getOrDefault("--decide-on", "both");
    if (!opt.containsKey("--input") || !opt.containsKey("--model") || !opt.containsKey("--incidents")
        || !List.of("score", "posterior", "both").contains(decideOn)) {
      System.err.println(USAGE);
      System.exit(2);
    }
    long t0 = System.nanoTime();
    ScenarioScoring scenario = ScenarioScoring.load(opt);
    List<WindowAssembly> windows = scenario.windows();
    System.out.printf("replayed %d windows (%d live) in %.1f s%n", windows.size(),
        scenario.live().size(), (System.nanoTime() - t0) / 1e9);
    Path out = Path.of(opt.getOrDefault("--out", "out/hybrid-eval"));
    List<String> rows = new ArrayList<>();
    try (Detector baseline = new BaselineDetector();
        Detector hybrid = HybridDetector.open(Path.of(opt.get("--model")),
            BaselineConfig.defaults().stepMillis, BaselineConfig.defaults().windowSteps)) {
      for (Detector d : List.of(baseline, hybrid)) {
        long started = System.nanoTime();
        List<DetectionResult> results = ScenarioScoring.score(d, windows);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%n== %s: scored %d windows in %.1f s (%.3f ms/window)%n",
            d.modelVersion(), windows.size(), seconds, 1000 * seconds / Math.max(1, windows.size()));
        for (boolean posterior : decisions(decideOn)) {
          List<AlertEvent> alerts = ScenarioScoring.alerts(results, new JobConfig(), posterior);
          ScenarioReport report = scenario.evaluate(alerts);
          String name = d.modelVersion() + (posterior ? " / posterior" : " / score");
          Path dir = out.resolve(d.modelVersion() + (posterior ? "-posterior" : "-score"));
          Files.createDirectories(dir);
          writeAlerts(alerts, dir.resolve("alerts.jsonl"));
          ScenarioCommand.writeJson(report, dir.resolve("scenario-report.json"));
          System.out.printf("%n-- %s%n", name);
          System.out.print(ScenarioReportText.format(report));
          rows.add(ScenarioScoring.row(name, report));
        }
      }
    }
    System.out.println();
    System.out.println(ScenarioScoring.header());
    rows.forEach(System.out::println);
  }

  static List<Boolean> decisions(String decideOn) {
    return switch (decideOn) {
      case "score" -> List.of(false);
      case "posterior" -> List.of(true);
      default -> List.of(false, true);
    };
  }

  private static void writeAlerts(List<AlertEvent> alerts, Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (AlertEvent a : alerts) {
      sb.append(JsonCodec.mapper().writeValueAsString(a)).append('\n');
    }
    Files.writeString(file, sb.toString());
  }
}
