package dev.stormwatch.eval.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.detect.Detectors;
import dev.stormwatch.detect.FusedDetector;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.LivePeriod;
import dev.stormwatch.eval.calibration.RecordingDetector;
import dev.stormwatch.eval.compare.OfflineAlerting;
import dev.stormwatch.eval.compare.TelemetryFiles;
import dev.stormwatch.eval.peer.RcfKeyDetector;
import dev.stormwatch.eval.peer.RcfKeySettings;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.WindowReplay;
import dev.stormwatch.model.peers.PeerDetector;
import dev.stormwatch.model.peers.PeerKind;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evaluate.sh decision}: does the Bayesian layer cut false alarms? Replays a scenario once
 * per detector, then sweeps the raise threshold deciding on the raw score and on the posterior,
 * and reports both rules at the job's default threshold and at equal recall (decision.txt,
 * decision.json, false-alarms.png). With {@code --cold-start} the warm-up files are replayed as
 * live input (learning on the stream, as from Kafka) and the scored period starts with them.
 */
public final class DecisionCommand {
  public static final String USAGE = "usage: evaluate.sh decision --warmup FILE --input FILE"
      + " --incidents FILE [--benign FILE] [--scenario scenario.json] --out DIR"
      + " [--detectors baseline,rcf,novelty,hybrid,hybrid-confirmed,hybrid-novelty,tcn,vae,gan,gnn,hybrid+gnn] [--model models/hybrid/v4]"
      + " [--thresholds 0.05:0.99:0.01] [--config conf/stormwatch.yaml] [--cold-start]"
      + " [--peer-channels 8] [--seed 42] [--fusion bayes|tail] [--scores]";

  private DecisionCommand() {}

  /** Parsed command line. */
  record Options(List<Path> warmup, List<Path> input, Path incidents, Path benign, Path scenario,
      Path out, List<String> detectors, Path model, double[] thresholds, Path config,
      boolean coldStart, int peerChannels, long seed, FusedDetector.Rule fusion, boolean scores) {}

  /** What one run produced: every operating point and the equal-recall comparison. */
  public record Result(List<OperatingPoint> points, List<OperatingPoint> defaults,
      List<EqualRecall.Row> equalRecall, List<FalseAlarmBudgets.Row> budgets,
      List<FalseAlarmBudgets.Row> pageBudgets) {}

  /** Runs the subcommand; returns the exit code. */
  public static int run(String[] args) throws Exception {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      return 2;
    }
    if (o == null) {
      System.out.println(USAGE);
      return 0;
    }
    JobConfig job = new JobConfig();
    if (o.config() != null) {
      ConfigLoader.applyYaml(job, o.config().toFile());
    }
    Result result = evaluate(o, job);
    String text = DecisionReport.text(result, job);
    System.out.print(text);
    Files.writeString(o.out().resolve("decision.txt"), text);
    System.out.println("wrote " + o.out().resolve("decision.json") + " and "
        + o.out().resolve("false-alarms.png"));
    return 0;
  }

  /** Replays, sweeps and compares; writes decision.json and false-alarms.png under the out dir. */
  static Result evaluate(Options o, JobConfig job) throws Exception {
    List<TelemetryEvent> warmup = load(o.warmup(), true);
    List<TelemetryEvent> input = load(o.input(), false);
    LivePeriod live = LivePeriod.of(o.incidents(), o.scenario(), input, job.windowSlide.toMillis());
    if (o.coldStart()) {
      List<TelemetryEvent> all = load(o.warmup(), false);
      all.addAll(input);
      long step = job.windowSlide.toMillis();
      long first = all.stream().mapToLong(TelemetryEvent::timeMillis).min().orElse(live.start().toEpochMilli());
      live = new LivePeriod(java.time.Instant.ofEpochMilli(Math.floorDiv(first, step) * step), live.end(),
          live.services());
      warmup = List.of();
      input = all;
    }
    List<Label> incidents = Label.read(o.incidents());
    List<Label> benign = o.benign() == null ? List.of() : Label.read(o.benign());
    DecisionSweep sweep = new DecisionSweep(job, incidents, benign, live);
    OfflineAlerting alerting = new OfflineAlerting(job);
    double[] thresholds = withDefault(o.thresholds(), job.alertThreshold);
    List<OperatingPoint> points = new ArrayList<>();
    // the warm-up replayed into windows once, for every peer network to train on
    List<WindowAssembly> history = null;
    for (String name : o.detectors()) {
      // NAME, PEER, or NAME+PEER: a detector fused with a peer
      String[] parts = name.split("\\+", 2);
      String peerName = parts[parts.length - 1];
      Detector detector;
      if (parts.length == 2 || PeerKind.isPeer(name)) {
        PeerKind kind = PeerKind.parse(peerName);
        history = history != null ? history : warmUpWindows(kind, warmup, alerting);
        PeerDetector peer = peer(kind, history, o);
        detector = parts.length == 1 ? peer : new FusedDetector(
            detector(parts[0], alerting, job, o.model()), peer, o.fusion(),
            peer.model().calibrationPrior());
      } else {
        detector = detector(name, alerting, job, o.model());
      }
      RecordingDetector recorder = new RecordingDetector(detector);
      try (Detector d = recorder) {
        alerting.run(warmup, input, d);
      }
      System.out.printf(Locale.ROOT, "%-9s %,d windows scored; sweeping %d thresholds x 2 rules%n",
          name, recorder.results().size(), thresholds.length);
      points.addAll(sweep.sweep(name, recorder.results(), thresholds));
      if (o.scores()) {
        WindowScores.write(WindowScores.file(o.out(), name), recorder.results());
      }
    }
    List<OperatingPoint> defaults = points.stream()
        .filter(p -> Math.abs(p.threshold() - job.alertThreshold) < 1e-9).toList();
    Result result = new Result(points, defaults, EqualRecall.rows(points),
        FalseAlarmBudgets.rows(points), FalseAlarmBudgets.pageRows(points));
    Files.createDirectories(o.out());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("default_threshold", job.alertThreshold);
    json.put("defaults", defaults);
    json.put("equal_recall", result.equalRecall());
    json.put("false_alarm_budgets", result.budgets());
    json.put("false_page_budgets", result.pageBudgets());
    json.put("points", points);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(o.out().resolve("decision.json").toFile(), json);
    FalseAlarmChart.render(o.out().resolve("false-alarms.png"), points);
    return result;
  }

  /** The Random Cut Forest peer, or one of the job's detectors built as the job builds it. */
  private static Detector detector(String name, OfflineAlerting alerting, JobConfig job, Path model)
      throws IOException {
    if (name.equals("rcf")) {
      return new RcfKeyDetector(RcfKeySettings.defaults().withScoreAtThreshold(job.alertThreshold));
    }
    if (!Detectors.NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "unknown detector " + name + " (rcf, " + String.join(", ", Detectors.NAMES) + ")");
    }
    try {
      return Detectors.factory(name, model.toString(), alerting.baselineConfig()).create();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(name + " detector: " + e.getMessage(), e);
    }
  }

  /** The warm-up replayed into baseline-annotated windows; refused when there is none. */
  private static List<WindowAssembly> warmUpWindows(PeerKind peer, List<TelemetryEvent> warmup,
      OfflineAlerting alerting) {
    if (warmup.isEmpty()) {
      throw new IllegalArgumentException("the " + peer.id() + " peer trains on the warm-up history:"
          + " give --warmup (and not --cold-start)");
    }
    return WindowReplay.windows(warmup, alerting.baselineConfig());
  }

  /**
   * A comparison network of the paper ({@link PeerKind}) trained on the warm-up windows with the
   * hybrid model's default training options, telemetry only.
   */
  private static PeerDetector peer(PeerKind kind, List<WindowAssembly> history, Options o) {
    TrainingOptions options = TrainingOptions.defaults(kind.id(), o.seed())
        .withVocabularySize(o.peerChannels());
    long started = System.nanoTime();
    PeerDetector d = PeerDetector.trainOn(kind, history, options);
    System.out.printf(Locale.ROOT, "%-9s trained on %,d warm-up windows in %.0f s (held-out AUC %.3f)%n",
        kind.id(), history.size(), (System.nanoTime() - started) / 1e9, d.model().holdoutAuc());
    return d;
  }

  /** The sweep's thresholds with the job's default included. */
  private static double[] withDefault(double[] thresholds, double dflt) {
    for (double t : thresholds) {
      if (Math.abs(t - dflt) < 1e-9) {
        return thresholds;
      }
    }
    double[] out = java.util.Arrays.copyOf(thresholds, thresholds.length + 1);
    out[thresholds.length] = dflt;
    java.util.Arrays.sort(out);
    return out;
  }

  private static List<TelemetryEvent> load(List<Path> files, boolean warmup) throws IOException {
    List<TelemetryEvent> events = new ArrayList<>();
    for (Path f : files) {
      events.addAll(TelemetryFiles.read(f, warmup).events());
    }
    return events;
  }

  /** Parses the arguments; null when help was asked for. */
  static Options parse(String[] args) {
    List<Path> warmup = new ArrayList<>();
    List<Path> input = new ArrayList<>();
    Path incidents = null;
    Path benign = null;
    Path scenario = null;
    Path out = null;
    Path config = null;
    Path model = Path.of("models/hybrid/v4");
    List<String> detectors = List.of("baseline", "rcf");
    double[] thresholds = range("0.05:0.99:0.01");
    boolean coldStart = false;
    boolean scores = false;
    int peerChannels = 8;
    long seed = 42;
    FusedDetector.Rule fusion = FusedDetector.Rule.BAYES;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        return null;
      }
      if (a.equals("--cold-start")) {
        coldStart = true;
        continue;
      }
      if (a.equals("--scores")) {
        scores = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--warmup" -> warmup.add(Path.of(v));
        case "--input" -> input.add(Path.of(v));
        case "--incidents" -> incidents = Path.of(v);
        case "--benign" -> benign = Path.of(v);
        case "--scenario" -> scenario = Path.of(v);
        case "--out" -> out = Path.of(v);
        case "--config" -> config = Path.of(v);
        case "--model" -> model = Path.of(v);
        case "--detectors" -> detectors = List.of(v.split(","));
        case "--thresholds" -> thresholds = range(v);
        case "--peer-channels" -> peerChannels = positive(a, v);
        case "--seed" -> seed = Long.parseLong(v);
        case "--fusion" -> fusion = FusedDetector.Rule.parse(v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (input.isEmpty() || incidents == null || out == null) {
      throw new IllegalArgumentException("--input, --incidents and --out are required");
    }
    return new Options(warmup, input, incidents, benign, scenario, out, detectors, model, thresholds, config,
        coldStart, peerChannels, seed, fusion, scores);
  }

  private static int positive(String name, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number >= 1, not " + v);
  }

  /** {@code from:to:step}, both ends included. */
  static double[] range(String spec) {
    String[] parts = spec.split(":");
    if (parts.length != 3) {
      throw new IllegalArgumentException("--thresholds must be from:to:step, e.g. 0.5:0.99:0.01, not " + spec);
    }
    double from;
    double to;
    double step;
    try {
      from = Double.parseDouble(parts[0]);
      to = Double.parseDouble(parts[1]);
      step = Double.parseDouble(parts[2]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--thresholds: not a number in " + spec);
    }
    if (!(from > 0 && to < 1 && from <= to && step > 0)) {
      throw new IllegalArgumentException("--thresholds needs 0 < from <= to < 1 and step > 0, not " + spec);
    }
    int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.round((from + i * step) * 1e6) / 1e6;
    }
    return out;
  }
}
