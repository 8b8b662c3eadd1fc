package dev.stormwatch.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Converts a LogHub system's {@code <System>_2k.log_structured.csv} into log records (provider
 * {@code onprem}, service = the system, message = Content, severity from Level, time from the
 * system's {@link LogHubTimes} recipe) plus a per-line sidecar with LineId, EventId, EventTemplate
 * and, for BGL and Thunderbird, the anomaly Label ({@code -} = normal).
 *
 * <p>Rows whose time does not parse take the previous row's time; a system without a recipe, or
 * whose rows all fail, gets a synthetic clock: one second per line from {@link
 * LogHubTimes#SYNTHETIC_START}. Records are ordered by time (stable, so ties keep file order) and
 * the sidecar follows the same order.
 */
public final class LogHubConverter {
  public static final String PROVIDER = "onprem";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Columns that may name the emitting host or component, in order of preference. */
  private static final List<String> RESOURCE_COLUMNS = List.of("Node", "User", "Component", "Program");

  private LogHubConverter() {}

  /**
   * One converted system.
   *
   * @param system LogHub folder name
   * @param records time-ordered log records
   * @param sidecar one JSON object per record, same order
   * @param summary counts and time source
   */
  public record Converted(String system, List<TimedLine> records, List<String> sidecar, ObjectNode summary) {}

  /** The systems present under {@code root} (folders with a structured CSV), sorted. */
  public static List<String> systems(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(structuredCsv(root, p.getFileName().toString())))
          .map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static Path structuredCsv(Path root, String system) {
    return root.resolve(system).resolve(system + "_2k.log_structured.csv");
  }

  /** Reads and converts one system. */
  public static Converted convert(Path root, String system) throws IOException {
    Path file = structuredCsv(root, system);
    List<Map<String, String>> rows = readRows(file);
    LogHubTimes.Recipe recipe = LogHubTimes.of(system);
    long[] times = new long[rows.size()];
    int parsed = 0;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < rows.size(); i++) {
      OptionalLong t = recipe == null ? OptionalLong.empty() : recipe.parse(rows.get(i));
      if (t.isPresent()) {
        parsed++;
        last = t.getAsLong();
      }
      times[i] = last;
    }
    boolean synthetic = parsed == 0;
    long firstParsed = Long.MIN_VALUE;
    for (long t : times) {
      if (t != Long.MIN_VALUE) {
        firstParsed = t;
        break;
      }
    }
    boolean hasLabel = !rows.isEmpty() && rows.get(0).containsKey("Label");
    List<Entry> entries = new ArrayList<>(rows.size());
    Map<String, Integer> severities = new TreeMap<>();
    int anomalous = 0;
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      long time = synthetic ? LogHubTimes.SYNTHETIC_START.toEpochMilli() + 1000L * i
          : times[i] == Long.MIN_VALUE ? firstParsed : times[i];
      String severity = LogHubLevels.toContract(r.get("Level"));
      severities.merge(severity, 1, Integer::sum);
      TimedLine line = ContractRecords.log(time, PROVIDER, "", system, resource(r), severity,
          r.getOrDefault("Content", ""));
      ObjectNode side = MAPPER.createObjectNode();
      side.put("line_id", r.getOrDefault("LineId", Integer.toString(i + 1)));
      side.put("event_id", r.getOrDefault("EventId", ""));
      side.put("event_template", r.getOrDefault("EventTemplate", ""));
      if (hasLabel) {
        String label = r.getOrDefault("Label", "-").trim();
        side.put("label", label);
        side.put("anomalous", !label.equals("-"));
        anomalous += label.equals("-") ? 0 : 1;
      }
      entries.add(new Entry(line, ContractRecords.write(side)));
    }
    entries.sort((a, b) -> Long.compare(a.line.time(), b.line.time()));
    ObjectNode summary = MAPPER.createObjectNode();
    summary.put("system", system);
    summary.put("records", entries.size());
    summary.put("time_source", synthetic ? "synthetic-1s" : recipe.format() == null ? "epoch-seconds" : "parsed");
    summary.put("time_parsed", parsed);
    summary.put("time_carried_forward", synthetic ? 0 : rows.size() - parsed);
    if (!entries.isEmpty()) {
      summary.put("first_time", ContractRecords.time(entries.get(0).line.time()));
      summary.put("last_time", ContractRecords.time(entries.get(entries.size() - 1).line.time()));
    }
    severities.forEach(summary.putObject("severities")::put);
    if (hasLabel) {
      summary.put("anomalous_lines", anomalous);
    }
    return new Converted(system, entries.stream().map(Entry::line).toList(),
        entries.stream().map(Entry::side).toList(), summary);
  }

  /** Sidecar folder: kept apart so that {@code DIR/*.jsonl} globs only input records. */
  public static final String SIDECAR_DIR = "events";

  /** Writes {@code <System>.jsonl} and the sidecar {@code events/<System>.jsonl} into {@code dir}. */
  public static void write(Converted c, Path dir) throws IOException {
    JsonLinesFiles.write(dir.resolve(c.system() + ".jsonl"), c.records());
    JsonLinesFiles.writeStrings(dir.resolve(SIDECAR_DIR).resolve(c.system() + ".jsonl"), c.sidecar());
  }

  private static String resource(Map<String, String> row) {
    for (String c : RESOURCE_COLUMNS) {
      String v = row.get(c);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return "";
  }

  private static List<Map<String, String>> readRows(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CsvReader csv = CsvReader.open(file)) {
      List<String> header = csv.next();
      if (header == null) {
        return rows;
      }
      for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
          continue;
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size() && i < fields.size(); i++) {
          row.put(header.get(i), fields.get(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private record Entry(TimedLine line, String side) {}
}
