package dev.stormwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code scenario} subcommand: scores an alerts file against a simulated scenario. The live
 * period and service count come from {@code --scenario FILE} (default: {@code scenario.json} next
 * to the incidents file, when present) or {@code --live-start/--live-end/--services}; failing both,
 * the period spans the labels and episodes and services are those seen in them.
 */
public final class ScenarioCommand {
  static final String USAGE =
      "usage: evaluate.sh scenario --incidents FILE [--benign FILE] --alerts FILE [--json OUT]\n"
          + "         [--scenario scenario.json] [--live-start ISO --live-end ISO] [--services N]\n"
          + "         [--tolerance-min M (default 0)] [--grace-min M (default 15)]";

  private ScenarioCommand() {}

  /** Runs the subcommand; returns the process exit code. */
  public static int run(String[] args) throws IOException {
    Path incidents = null;
    Path benign = null;
    Path alerts = null;
    Path json = null;
    Path scenario = null;
    String liveStart = null;
    String liveEnd = null;
    int services = 0;
    long toleranceMin = 0;
    long graceMin = 15;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        System.out.println(USAGE);
        return 0;
      }
      if (i + 1 >= args.length) {
        return usage("missing value for " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--incidents" -> incidents = Path.of(v);
        case "--benign" -> benign = Path.of(v);
        case "--alerts" -> alerts = Path.of(v);
        case "--json" -> json = Path.of(v);
        case "--scenario" -> scenario = Path.of(v);
        case "--live-start" -> liveStart = v;
        case "--live-end" -> liveEnd = v;
        case "--services" -> services = number(v, a);
        case "--tolerance-min" -> toleranceMin = number(v, a);
        case "--grace-min" -> graceMin = number(v, a);
        default -> {
          return usage("unknown option " + a);
        }
      }
    }
    if (incidents == null || alerts == null) {
      return usage("--incidents and --alerts are required");
    }
    if (services < 0 || toleranceMin < 0 || graceMin < 0) {
      return usage("--services, --tolerance-min and --grace-min must be whole numbers >= 0");
    }
    List<Label> incidentLabels = Label.read(incidents);
    List<Label> benignLabels = benign == null ? List.of() : Label.read(benign);
    List<AlertEpisodes.Event> events = AlertEpisodes.read(alerts);
    List<AlertEpisode> episodes = AlertEpisodes.episodes(events);
    List<AlertEpisode> warnings = AlertEpisodes.warnings(events);
    if (scenario == null && incidents.toAbsolutePath().getParent() != null) {
      Path sibling = incidents.toAbsolutePath().getParent().resolve("scenario.json");
      scenario = Files.exists(sibling) ? sibling : null;
    }
    if (scenario != null) {
      JsonNode meta = new ObjectMapper().readTree(scenario.toFile());
      liveStart = liveStart != null ? liveStart : meta.path("live_start").asText(null);
      liveEnd = liveEnd != null ? liveEnd : meta.path("live_end").asText(null);
      services = services > 0 ? services : meta.path("services").asInt(0);
    }
    List<Label> all = new ArrayList<>(incidentLabels);
    all.addAll(benignLabels);
    Instant start = liveStart != null ? TimeParsing.instant(liveStart) : earliest(all, episodes);
    Instant end = liveEnd != null ? TimeParsing.instant(liveEnd) : latest(all, episodes);
    if (services <= 0) {
      Set<String> seen = new HashSet<>();
      all.forEach(l -> seen.add(l.provider() + "/" + l.service()));
      episodes.forEach(e -> seen.add(e.provider() + "/" + e.service()));
      services = seen.size();
    }
    ScenarioEvaluator evaluator = new ScenarioEvaluator(Duration.ofMinutes(toleranceMin),
        Duration.ofMinutes(graceMin));
    ScenarioReport report =
        evaluator.evaluate(incidentLabels, benignLabels, episodes, warnings, start, end, services);
    System.out.print(ScenarioReportText.format(report));
    if (json != null) {
      writeJson(report, json);
    }
    return 0;
  }

  /** Writes the report as pretty JSON with snake_case names. */
  public static void writeJson(ScenarioReport report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), report);
  }

  private static Instant earliest(List<Label> labels, List<AlertEpisode> episodes) {
    Instant t = Instant.MAX;
    for (Label l : labels) {
      t = l.start().isBefore(t) ? l.start() : t;
    }
    for (AlertEpisode e : episodes) {
      t = e.start().isBefore(t) ? e.start() : t;
    }
    return t == Instant.MAX ? Instant.EPOCH : t;
  }

  private static Instant latest(List<Label> labels, List<AlertEpisode> episodes) {
    Instant t = Instant.EPOCH;
    for (Label l : labels) {
      t = l.end().isAfter(t) ? l.end() : t;
    }
    for (AlertEpisode e : episodes) {
      t = e.end().isAfter(t) ? e.end() : t;
    }
    return t;
  }

  /** The whole number {@code v}, or -1 (rejected as negative later) when it is not one. */
  private static int number(String v, String option) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      System.err.println(option + ": not a whole number: " + v);
      return -1;
    }
  }

  private static int usage(String problem) {
    System.err.println(problem);
    System.err.println(USAGE);
    return 2;
  }
}
