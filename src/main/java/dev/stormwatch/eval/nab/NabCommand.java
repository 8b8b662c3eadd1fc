package dev.stormwatch.eval.nab;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code nab}: runs NAB detectors over a data folder, writes NAB-format results and prints the
 * normalised NAB scores, or scores an existing results folder.
 *
 * <pre>
 * nab --data DIR --labels FILE --out DIR [--detector NAME[,NAME...]] [--profiles FILE]
 *     [--cross-validate]
 * nab --results DIR --labels FILE [--out DIR] [--profiles FILE] [--cross-validate]
 * </pre>
 *
 * <p>{@code --cross-validate} also prints {@link NabCrossValidation}'s leave-one-category-out
 * choice among the detectors run or read.
 */
public final class NabCommand {
  private static final String USAGE =
      "usage: nab --data DIR --labels FILE --out DIR [--detector NAME[,NAME...]] [--profiles"
          + " FILE] [--cross-validate]\n"
          + "       nab --results DIR --labels FILE [--out DIR] [--profiles FILE] [--cross-validate]";

  private NabCommand() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the process exit code (0 ok, 2 usage or input error). */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    NabOptions options;
    try {
      options = NabOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    NabLabels labels = NabLabels.load(options.labels());
    List<CostProfile> profiles = NabProfiles.resolve(options.profiles(), options.labels());
    List<NabReport.Entry> entries = new ArrayList<>();
    Map<String, List<ScoredFile>> runs = new java.util.LinkedHashMap<>();
    if (options.results() != null) {
      Map<String, List<ScoredFile>> byDetector = NabResultsReader.read(options.results(), labels);
      if (byDetector.isEmpty()) {
        err.println(
            "no NAB results files (<detector>/<category>/<detector>_<file>.csv) under "
                + options.results());
        return 2;
      }
      for (Map.Entry<String, List<ScoredFile>> entry : byDetector.entrySet()) {
        entries.add(entry(entry.getKey(), entry.getValue(), Double.NaN, profiles));
        runs.put(entry.getKey(), entry.getValue());
      }
    } else {
      for (String detector : options.detectors()) {
        if (!NabDetectors.isRegistered(detector)) {
          err.println(NabDetectors.unknownDetector(detector));
          return 2;
        }
      }
      List<NabSeries> corpus = new ArrayList<>();
      for (NabSeries series : NabCsv.readDataDir(options.data())) {
        if (labels.has(series.relativePath())) {
          corpus.add(series);
        } else {
          err.println("skipping " + series.relativePath() + ": not in the labels file");
        }
      }
      for (String detector : options.detectors()) {
        NabRun run = NabRun.execute(detector, corpus, labels, options.out());
        entries.add(entry(detector, run.files(), run.recordsPerSecond(), profiles));
        runs.put(detector, run.files());
      }
    }
    NabReport.printOverall(out, entries, profiles);
    NabReport.printCategories(out, entries, profiles);
    if (options.crossValidate()) {
      NabCrossValidation.print(out, NabCrossValidation.evaluate(runs, profiles.get(0)), runs.size());
    }
    if (options.out() != null) {
      for (NabReport.Entry entry : entries) {
        out.println("wrote " + NabReport.writeJson(options.out(), entry));
      }
    }
    return 0;
  }

  private static NabReport.Entry entry(
      String detector,
      List<ScoredFile> files,
      double recordsPerSecond,
      List<CostProfile> profiles) {
    long records = files.stream().mapToLong(f -> f.anomalyScores().length).sum();
    return new NabReport.Entry(
        detector, files.size(), records, recordsPerSecond, NabEvaluation.evaluate(files, profiles));
  }

  /** Parsed command-line options. */
  record NabOptions(
      Path data, Path results, Path labels, Path out, Path profiles, List<String> detectors,
      boolean crossValidate) {

    static NabOptions parse(String[] args) {
      Path data = null;
      Path results = null;
      Path labels = null;
      Path out = null;
      Path profiles = null;
      List<String> detectors = List.of(NabDetectors.DEFAULT_DETECTOR);
      boolean crossValidate = false;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--cross-validate")) {
          crossValidate = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--data" -> data = Path.of(value);
          case "--results" -> results = Path.of(value);
          case "--labels" -> labels = Path.of(value);
          case "--out" -> out = Path.of(value);
          case "--profiles" -> profiles = Path.of(value);
          case "--detector", "--detectors" ->
              detectors =
                  Arrays.stream(value.split(","))
                      .map(String::trim)
                      .filter(s -> !s.isEmpty())
                      .toList();
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      if (labels == null || !Files.isRegularFile(labels)) {
        throw new IllegalArgumentException("--labels FILE is required and must exist");
      }
      if ((data == null) == (results == null)) {
        throw new IllegalArgumentException("give exactly one of --data DIR or --results DIR");
      }
      if (data != null && out == null) {
        throw new IllegalArgumentException("--out DIR is required with --data");
      }
      Path input = data != null ? data : results;
      if (!Files.isDirectory(input)) {
        throw new IllegalArgumentException("not a directory: " + input);
      }
      if (detectors.isEmpty()) {
        throw new IllegalArgumentException("--detector needs at least one name");
      }
      return new NabOptions(data, results, labels, out, profiles, detectors, crossValidate);
    }
  }
}
