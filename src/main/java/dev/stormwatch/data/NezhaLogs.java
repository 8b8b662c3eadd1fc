package dev.stormwatch.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Nezha per-minute log CSV ({@code Timestamp,TimeUnixNano,Node,PodName,Container,TraceID,
 * SpanID,Log}, the Log cell being the container runtime's JSON line) into log records: time from
 * TimeUnixNano, message = the application line without its local-time prefix, severity = the level
 * word near the start of the line (else INFO).
 */
public final class NezhaLogs {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern LOCAL_TIME_PREFIX =
      Pattern.compile("^\\s*\\d{2}:\\d{2}:\\d{2}[.,]\\d{1,9}\\s+");
  private static final Pattern LEVEL = Pattern.compile(
      "\\b(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|SEVERE|FATAL|CRITICAL)\\b", Pattern.CASE_INSENSITIVE);
  /** How far into the line the level word may be. */
  private static final int LEVEL_SEARCH_CHARS = 48;

  private NezhaLogs() {}

  /** Converts every row of one file; rows with a wrong field count are skipped. */
  public static List<TimedLine> read(Path file, String provider, String region) throws IOException {
    List<TimedLine> out = new ArrayList<>();
    try (CsvReader csv = CsvReader.open(file)) {
      List<String> header = csv.next();
      if (header == null) {
        return out;
      }
      int nanoCol = header.indexOf("TimeUnixNano");
      int podCol = header.indexOf("PodName");
      int logCol = header.indexOf("Log");
      if (nanoCol < 0 || podCol < 0 || logCol < 0) {
        throw new IOException(file + ": expected TimeUnixNano, PodName and Log columns");
      }
      for (List<String> row = csv.next(); row != null; row = csv.next()) {
        if (row.size() != header.size()) {
          continue;
        }
        long time = Long.parseLong(row.get(nanoCol).trim()) / 1_000_000L;
        String pod = row.get(podCol);
        String message = message(row.get(logCol));
        out.add(ContractRecords.log(time, provider, region, PodNames.serviceOf(pod), pod,
            severity(message), message));
      }
    }
    return out;
  }

  /** The application line: the {@code log} field of the runtime JSON, without the time prefix. */
  static String message(String cell) {
    String text = cell;
    if (cell.startsWith("{")) {
      try {
        JsonNode n = MAPPER.readTree(cell);
        if (n.hasNonNull("log")) {
          text = n.get("log").asText();
        }
      } catch (IOException e) {
        text = cell;
      }
    }
    return LOCAL_TIME_PREFIX.matcher(text).replaceFirst("").strip();
  }

  /** The contract severity of a line: its level word among the first characters, else INFO. */
  public static String severity(String message) {
    Matcher m = LEVEL.matcher(message.substring(0, Math.min(message.length(), LEVEL_SEARCH_CHARS)));
    if (!m.find()) {
      return "INFO";
    }
    return switch (m.group(1).toUpperCase(Locale.ROOT)) {
      case "WARNING" -> "WARN";
      case "SEVERE" -> "ERROR";
      case "CRITICAL" -> "FATAL";
      default -> m.group(1).toUpperCase(Locale.ROOT);
    };
  }
}
