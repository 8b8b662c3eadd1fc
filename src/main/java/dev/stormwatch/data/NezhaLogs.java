package dev.stormwatch.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Nezha per-minute log CSV ({@code Timestamp,TimeUnixNano,Node,PodName,Container,TraceID,
 * SpanID,Log}, the Log cell being the container runtime's JSON line) into log records: time from
 * the ISO Timestamp (UTC when it has no zone; TimeUnixNano when it does not parse, since that
 * column holds overflowed values in a few rows), message = the application line without its local-time prefix, severity = the level
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
      int isoCol = header.indexOf("Timestamp");
      int nanoCol = header.indexOf("TimeUnixNano");
      int podCol = header.indexOf("PodName");
      int logCol = header.indexOf("Log");
      if (isoCol < 0 || nanoCol < 0 || podCol < 0 || logCol < 0) {
        throw new IOException(file + ": expected Timestamp, TimeUnixNano, PodName and Log columns");
      }
      for (List<String> row = csv.next(); row != null; row = csv.next()) {
        if (row.size() != header.size()) {
          continue;
        }
        OptionalLong time = time(row.get(isoCol), row.get(nanoCol));
        if (time.isEmpty()) {
          continue;
        }
        String pod = row.get(podCol);
        String message = message(row.get(logCol));
        out.add(ContractRecords.log(time.getAsLong(), provider, region, PodNames.serviceOf(pod), pod,
            severity(message), message));
      }
    }
    return out;
  }

  /** Epoch millis from the ISO text, else from positive epoch nanos; empty when neither is usable. */
  static OptionalLong time(String iso, String unixNanos) {
    String t = iso.trim();
    try {
      return OptionalLong.of(Instant.parse(t).toEpochMilli());
    } catch (DateTimeParseException e) {
      try {
        return OptionalLong.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli());
      } catch (DateTimeParseException e2) {
        try {
          long nanos = Long.parseLong(unixNanos.trim());
          return nanos > 0 ? OptionalLong.of(nanos / 1_000_000L) : OptionalLong.empty();
        } catch (NumberFormatException e3) {
          return OptionalLong.empty();
        }
      }
    }
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
