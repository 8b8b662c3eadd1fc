package dev.stormwatch.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Command line of the incident simulator; run {@code --help} for the options. */
public final class SimulateCommand {
  private static final String USAGE =
      "usage: simulate.sh [--seed N] [--out DIR] [--start ISO] [--history-hours H]"
          + " [--live-hours H]\n"
          + "                   [--providers N] [--services-per-provider N] [--incidents N]"
          + " [--benign N]\n"
          + "                   [--malformed N] [--gzip]\n"
          + "defaults: seed 42, out out/sim, start 2026-03-02T00:00:00Z, 24 h history, 12 h live,"
          + " 4 providers x 3 services, 8 incidents, 4 benign, 0 malformed, plain text\n"
          + "--malformed N cycles through 12 classes of bad lines (N >= 12 covers them all) and"
          + " lists them in malformed.jsonl";

  private SimulateCommand() {}

  /** Parses the options, generates and writes the scenario, prints a summary. */
  public static void main(String[] args) throws IOException {
    SimConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (config == null) {
      System.out.println(USAGE);
      return;
    }
    long t0 = System.nanoTime();
    Scenario scenario;
    try {
      scenario = ScenarioGenerator.generate(config);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<Path> files = ScenarioWriter.write(scenario);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("generated %d history + %d live records, %d incidents, %d benign,"
            + " %d malformed lines in %d ms%n", scenario.history().size(), scenario.live().size(),
        scenario.incidents().size(), scenario.benign().size(), scenario.malformed().size(), ms);
    files.forEach(f -> System.out.println("  " + f));
  }

  /** The config of {@code args}, or null when help was asked for. */
  public static SimConfig parse(String[] args) {
    SimConfig d = SimConfig.defaults();
    long seed = d.seed();
    Path out = d.out();
    Instant start = d.start();
    int history = d.historyHours();
    int live = d.liveHours();
    int providers = d.providers();
    int perProvider = d.servicesPerProvider();
    int incidents = d.incidents();
    int benign = d.benign();
    int malformed = d.malformed();
    boolean gzip = d.gzip();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          return null;
        }
        case "--gzip" -> gzip = true;
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--start" -> start = Instant.parse(value(args, ++i, a));
        case "--history-hours" -> history = count(args, ++i, a, 0);
        case "--live-hours" -> live = count(args, ++i, a, 1);
        case "--providers" -> providers = count(args, ++i, a, 1);
        case "--services-per-provider" -> perProvider = count(args, ++i, a, 1);
        case "--incidents" -> incidents = count(args, ++i, a, 0);
        case "--benign" -> benign = count(args, ++i, a, 0);
        case "--malformed" -> malformed = count(args, ++i, a, 0);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return new SimConfig(seed, out, start, history, live, providers, perProvider, incidents,
        benign, malformed, gzip);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int count(String[] args, int i, String option, int min) {
    int v;
    try {
      v = Integer.parseInt(value(args, i, option));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number");
    }
    if (v < min) {
      throw new IllegalArgumentException(option + " must be at least " + min);
    }
    return v;
  }
}
