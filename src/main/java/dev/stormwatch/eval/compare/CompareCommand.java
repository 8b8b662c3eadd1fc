package dev.stormwatch.eval.compare;

import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.BaselineDetector;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.eval.AlertEpisode;
import dev.stormwatch.eval.AlertEpisodes;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.LivePeriod;
import dev.stormwatch.eval.ScenarioCommand;
import dev.stormwatch.eval.ScenarioEvaluator;
import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.eval.peer.RcfKeyDetector;
import dev.stormwatch.eval.peer.RcfKeySettings;
import dev.stormwatch.eval.report.ReportWriter;
import dev.stormwatch.eval.report.SeriesRecorder;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.Keys;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.sink.JsonCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code compare} subcommand: replays the same warm-up and input through each named detector
 * with the job's window assembly and alert hysteresis ({@link OfflineAlerting}), writes {@code
 * OUT/<detector>/alerts.jsonl}, scores every alerts file (also those given with {@code
 * --alerts-from}) with the {@link ScenarioEvaluator}, prints one table and, unless {@code
 * --no-report}, writes {@code OUT/report.md} with plots.
 */
public final class CompareCommand {
  /** Records replayed untimed before the timed runs. */
  static final int JIT_WARMUP_RECORDS = 20_000;

  private CompareCommand() {}

  public static void main(String[] args) throws Exception {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the subcommand; returns the process exit code. */
  public static int run(String[] args) throws IOException {
    CompareOptions o;
    try {
      o = CompareOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(CompareOptions.USAGE);
      return 2;
    }
    if (o.help) {
      System.out.println(CompareOptions.USAGE);
      return 0;
    }
    compare(o);
    return 0;
  }

  /** Runs the comparison described by {@code o}; returns its rows. */
  public static List<ComparisonRow> compare(CompareOptions o) throws IOException {
    JobConfig job = new JobConfig();
    if (o.config != null) {
      ConfigLoader.applyYaml(job, o.config.toFile());
    }
    List<TelemetryEvent> warmup = load(o.warmup, true);
    List<TelemetryEvent> input = load(o.input, false);
    List<Label> incidents = Label.read(o.incidents);
    List<Label> benign = o.benign == null ? List.of() : Label.read(o.benign);
    LivePeriod live = LivePeriod.of(o.incidents, o.scenario, input, job.windowSlide.toMillis());
    System.out.printf(Locale.ROOT, "replaying %,d warm-up and %,d input records; live %s .. %s, %d services%n",
        warmup.size(), input.size(), live.start(), live.end(), live.services());

    Files.createDirectories(o.out);
    ScenarioEvaluator evaluator = new ScenarioEvaluator();
    OfflineAlerting alerting = new OfflineAlerting(job);
    Set<String> plotted = new HashSet<>();
    incidents.forEach(l -> plotted.add(Keys.of(l.provider(), l.service())));
    warmUpJit(alerting, warmup.isEmpty() ? input : warmup);
    SeriesRecorder recorder = null;
    List<ComparisonRow> rows = new ArrayList<>();
    for (String name : o.detectors) {
      Detector detector = detector(name, alerting, job);
      if (recorder == null) {
        recorder = new SeriesRecorder(detector, plotted);
        detector = recorder;
      }
      OfflineAlerting.Outcome outcome;
      try (Detector d = detector) {
        outcome = alerting.run(warmup, input, d);
      }
      Path alerts = o.out.resolve(name).resolve("alerts.jsonl");
      write(alerts, outcome.alerts());
      System.out.printf(Locale.ROOT,
          "%-10s %,d windows, %d alert events, %.1f s wall, %.1f s CPU (%,.0f records/s)%s%n",
          name, outcome.windows(), outcome.alerts().size(), outcome.seconds(), outcome.cpuSeconds(),
          outcome.recordsPerSecond(),
          outcome.lateRecords() > 0 ? ", " + outcome.lateRecords() + " late records dropped" : "");
      double perCpu = outcome.recordsPerCpuSecond();
      rows.add(score(name, alerts, evaluator, incidents, benign, live, outcome.recordsPerSecond(),
          outcome.seconds(), Double.isNaN(perCpu) ? null : perCpu, o.out));
    }
    for (Map.Entry<String, Path> e : o.alertsFrom.entrySet()) {
      rows.add(score(e.getKey(), e.getValue(), evaluator, incidents, benign, live, null, null, null,
          o.out));
    }
    String table = ComparisonTable.text(rows);
    System.out.println();
    System.out.print(table);
    Files.writeString(o.out.resolve("comparison.txt"), table);
    if (o.report) {
      Path report = new ReportWriter(o.out)
          .write(rows, incidents, benign, live.start(), live.end(),
              recorder == null ? Map.of() : recorder.series(), setup(job, o));
      System.out.println("\nreport: " + report);
    }
    return rows;
  }

  /**
   * Replays up to {@link #JIT_WARMUP_RECORDS} records untimed through the shared window assembly,
   * so that the first timed detector does not pay for the JIT compiling it.
   */
  private static void warmUpJit(OfflineAlerting alerting, List<TelemetryEvent> sample) {
    List<TelemetryEvent> head = sample.subList(0, Math.min(JIT_WARMUP_RECORDS, sample.size()));
    alerting.run(head, List.of(), new BaselineDetector(alerting.baselineConfig()));
  }

  /** How the rows were produced, for the report. */
  private static List<String> setup(JobConfig job, CompareOptions o) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "Windows: %d min per (provider, service), sliding by %d s; "
            + "records up to %d s out of order are reordered, later ones dropped (as in the job).",
        job.windowLength.toMinutes(), job.windowSlide.toSeconds(), job.maxOutOfOrderness.toSeconds()));
    lines.add(String.format(Locale.ROOT, "Alert hysteresis (job defaults): fire after %d windows with "
            + "score >= %.2f, resolve after %d windows below %.2f.",
        job.raiseAfter, job.alertThreshold, job.resolveAfter, job.resolveThreshold));
    if (o.detectors.contains("baseline")) {
      lines.add("baseline: `" + BaselineDetector.MODEL_VERSION + "`, default BaselineConfig "
          + "(hour-of-day robust EWMAs of metrics and log counts, novel log templates).");
    }
    if (o.detectors.contains("rcf")) {
      lines.add("rcf: `" + RcfKeyDetector.MODEL_VERSION + "`, ThresholdedRandomCutForest per key "
          + "over the per-step metric vector (metrics only, no logs), " + rcfSettings(job) + ".");
    }
    o.alertsFrom.forEach((name, file) -> lines.add(name + ": alerts read from `" + file + "`."));
    return lines;
  }

  private static RcfKeySettings rcfSettings(JobConfig job) {
    return RcfKeySettings.defaults().withScoreAtThreshold(job.alertThreshold);
  }

  private static Detector detector(String name, OfflineAlerting alerting, JobConfig job) {
    return switch (name) {
      case "baseline" -> new BaselineDetector(alerting.baselineConfig());
      case "rcf" -> new RcfKeyDetector(rcfSettings(job));
      default -> throw new IllegalArgumentException("unknown detector " + name);
    };
  }

  private static ComparisonRow score(String name, Path alerts, ScenarioEvaluator evaluator,
      List<Label> incidents, List<Label> benign, LivePeriod live, Double rate, Double seconds,
      Double ratePerCpu, Path out) throws IOException {
    List<AlertEpisodes.Event> events = AlertEpisodes.read(alerts);
    List<AlertEpisode> episodes = AlertEpisodes.episodes(events);
    ScenarioReport report = evaluator.evaluate(incidents, benign, episodes,
        AlertEpisodes.warnings(events), live.start(), live.end(), live.services());
    ScenarioCommand.writeJson(report, out.resolve(name).resolve("evaluation.json"));
    return new ComparisonRow(name, alerts, episodes, report, rate, seconds, ratePerCpu);
  }

  private static List<TelemetryEvent> load(List<Path> files, boolean warmup) throws IOException {
    List<TelemetryEvent> events = new ArrayList<>();
    for (Path f : files) {
      TelemetryFiles.Loaded loaded = TelemetryFiles.read(f, warmup);
      events.addAll(loaded.events());
      if (loaded.deadLetters() > 0) {
        System.out.printf(Locale.ROOT, "%s: %d malformed lines skipped%n", f, loaded.deadLetters());
      }
    }
    return events;
  }

  private static void write(Path file, List<AlertEvent> alerts) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (AlertEvent a : alerts) {
        w.write(JsonCodec.alert(a));
        w.newLine();
      }
    }
  }
}
