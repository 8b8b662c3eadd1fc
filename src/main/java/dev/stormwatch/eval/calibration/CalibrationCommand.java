package dev.stormwatch.eval.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stormwatch.alert.bayes.Calibration;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.BaselineDetector;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.compare.OfflineAlerting;
import dev.stormwatch.eval.compare.TelemetryFiles;
import dev.stormwatch.event.TelemetryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code evaluate.sh calibration}: replays warm-up and live telemetry through the baseline detector
 * and the job's Bayesian layer, labels each live window by incident overlap, and measures how well
 * the raw score and the posterior are calibrated (calibration.json, reliability.png, a table).
 */
public final class CalibrationCommand {
  public static final String USAGE =
      "usage: evaluate.sh calibration --warmup FILE --input FILE --incidents FILE [--benign FILE]"
          + " --out DIR";

  private CalibrationCommand() {}

  /** Parsed command line. */
  record Options(List<Path> warmup, List<Path> input, Path incidents, Path benign, Path out) {}

  /** Runs the subcommand; returns the exit code. */
  public static int run(String[] args) throws IOException {
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
    List<CalibrationRow> rows = calibrate(o);
    System.out.print(table(rows));
    System.out.println("wrote " + o.out().resolve("calibration.json") + " and "
        + o.out().resolve("reliability.png"));
    return 0;
  }

  /** Replays, labels and measures; writes calibration.json and reliability.png under the out dir. */
  static List<CalibrationRow> calibrate(Options o) throws IOException {
    JobConfig job = new JobConfig();
    OfflineAlerting alerting = new OfflineAlerting(job);
    RecordingDetector detector =
        new RecordingDetector(new BaselineDetector(alerting.baselineConfig()));
    alerting.run(load(o.warmup(), true), load(o.input(), false), detector);
    List<Label> incidents = Label.read(o.incidents());
    List<Label> benign = o.benign() == null ? List.of() : Label.read(o.benign());
    List<ScoredWindow> windows = new ArrayList<>();
    int benignWindows = 0;
    for (PosteriorReplay.Evaluated e : new PosteriorReplay(job).run(detector.results())) {
      var r = e.result();
      windows.add(new ScoredWindow(r.key(), r.windowEnd, r.score, e.posterior(),
          overlaps(incidents, r.provider, r.service, r.windowStart, r.windowEnd)));
      benignWindows += overlaps(benign, r.provider, r.service, r.windowStart, r.windowEnd) ? 1 : 0;
    }
    if (windows.isEmpty()) {
      throw new IOException("no live windows were scored: is --input empty?");
    }
    List<CalibrationRow> rows = List.of(
        CalibrationRow.of("score", windows, ScoredWindow::score),
        CalibrationRow.of("posterior", windows, ScoredWindow::posterior));
    Files.createDirectories(o.out());
    writeJson(rows, benignWindows, o.out().resolve("calibration.json"));
    ReliabilityChart.write(rows, o.out().resolve("reliability.png"));
    return rows;
  }

  /** True when [windowStart, windowEnd) overlaps [start, end) of a label of the same target. */
  static boolean overlaps(List<Label> labels, String provider, String service, long windowStart,
      long windowEnd) {
    for (Label l : labels) {
      if (l.sameTarget(provider, service) && windowStart < l.end().toEpochMilli()
          && windowEnd > l.start().toEpochMilli()) {
        return true;
      }
    }
    return false;
  }

  /** A plain-text table of the rows. */
  static String table(List<CalibrationRow> rows) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%-10s %8s %9s %8s %8s%n", "column", "windows", "incident", "brier", "ece"));
    for (CalibrationRow r : rows) {
      sb.append(String.format(Locale.ROOT, "%-10s %8d %9d %8.4f %8.4f%n", r.name(), r.windows(),
          r.positives(), r.brier(), r.ece()));
    }
    return sb.toString();
  }

  private static void writeJson(List<CalibrationRow> rows, int benignWindows, Path file)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("detector", BaselineDetector.MODEL_VERSION);
    root.put("bins", CalibrationRow.BINS);
    root.put("benign_windows", benignWindows);
    ArrayNode out = root.putArray("rows");
    for (CalibrationRow r : rows) {
      ObjectNode n = out.addObject();
      n.put("name", r.name());
      n.put("windows", r.windows());
      n.put("positives", r.positives());
      n.put("brier", r.brier());
      n.put("ece", r.ece());
      ArrayNode bins = n.putArray("reliability");
      for (Calibration.Bin b : r.bins()) {
        ObjectNode bn = bins.addObject();
        bn.put("lower", b.lower());
        bn.put("upper", b.upper());
        bn.put("count", b.count());
        putFinite(bn, "mean_predicted", b.meanPredicted());
        putFinite(bn, "observed_rate", b.observedRate());
      }
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  private static void putFinite(ObjectNode n, String field, double v) {
    if (Double.isFinite(v)) {
      n.put(field, v);
    } else {
      n.putNull(field);
    }
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
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        return null;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + a);
      }
      Path v = Path.of(args[++i]);
      switch (a) {
        case "--warmup" -> warmup.add(v);
        case "--input" -> input.add(v);
        case "--incidents" -> incidents = v;
        case "--benign" -> benign = v;
        case "--out" -> out = v;
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (input.isEmpty() || incidents == null || out == null) {
      throw new IllegalArgumentException("--input, --incidents and --out are required");
    }
    return new Options(warmup, input, incidents, benign, out);
  }
}
