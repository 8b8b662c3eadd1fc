package dev.stormwatch.eval.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parsed command line of the {@code compare} subcommand. */
public final class CompareOptions {
  public static final String USAGE =
      "usage: evaluate.sh compare --warmup FILE --input FILE --incidents FILE [--benign FILE]\n"
          + "         [--detectors baseline,rcf] [--alerts-from NAME=FILE ...] --out DIR\n"
          + "         [--scenario scenario.json] [--config stormwatch.yaml] [--no-report]";

  /** Detectors the comparison can replay. */
  public static final List<String> DETECTORS = List.of("baseline", "rcf");

  public final List<Path> warmup = new ArrayList<>();
  public final List<Path> input = new ArrayList<>();
  public Path incidents;
  public Path benign;
  public Path scenario;
  public Path config;
  public Path out;
  public List<String> detectors = new ArrayList<>(DETECTORS);
  public final Map<String, Path> alertsFrom = new LinkedHashMap<>();
  public boolean report = true;
  public boolean help;

  /** Parses the arguments; throws IllegalArgumentException with the problem. */
  public static CompareOptions parse(String[] args) {
    CompareOptions o = new CompareOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        o.help = true;
        return o;
      }
      if (a.equals("--no-report")) {
        o.report = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--warmup" -> o.warmup.add(Path.of(v));
        case "--input" -> o.input.add(Path.of(v));
        case "--incidents" -> o.incidents = Path.of(v);
        case "--benign" -> o.benign = Path.of(v);
        case "--scenario" -> o.scenario = Path.of(v);
        case "--config" -> o.config = Path.of(v);
        case "--out" -> o.out = Path.of(v);
        case "--detectors" -> o.detectors = detectors(v);
        case "--alerts-from" -> o.alertsFrom(v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (o.input.isEmpty() || o.incidents == null || o.out == null) {
      throw new IllegalArgumentException("--input, --incidents and --out are required");
    }
    if (o.detectors.isEmpty() && o.alertsFrom.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare: give --detectors or --alerts-from");
    }
    return o;
  }

  private static List<String> detectors(String list) {
    List<String> names = new ArrayList<>();
    for (String n : list.split(",")) {
      String name = n.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (!DETECTORS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown detector '" + name + "'; available: " + String.join(", ", DETECTORS));
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private void alertsFrom(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException("--alerts-from expects NAME=FILE, got " + spec);
    }
    String name = spec.substring(0, eq);
    if (!name.matches("[A-Za-z0-9._-]+") || DETECTORS.contains(name) || alertsFrom.containsKey(name)) {
      throw new IllegalArgumentException(
          "--alerts-from name must be unique, of letters, digits, '.', '_' or '-': " + name);
    }
    alertsFrom.put(name, Path.of(spec.substring(eq + 1)));
  }
}
