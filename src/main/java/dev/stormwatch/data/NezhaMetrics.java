package dev.stormwatch.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one Nezha per-pod metric CSV ({@code Time,TimeStamp,PodName,<metric columns>}, one row a
 * minute) into metric records: service = the pod's workload, resource = the pod, metric names in
 * snake_case; non-finite cells (NaN) are left out and rows without any finite value are skipped.
 */
public final class NezhaMetrics {
  /** Columns that describe the row, not a metric. */
  private static final Set<String> ID_COLUMNS = Set.of("Time", "TimeStamp", "PodName");
  /** Node-level columns: shared by every pod on a node, so they are not the pod's own signal. */
  private static final String NODE_PREFIX = "Node";
  /** {@code 2023-01-29 08:41:09.712997733 +0000}: Go's time.Time format without the monotonic part. */
  private static final DateTimeFormatter GO_TIME = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .appendLiteral(' ').appendOffset("+HHMM", "+0000").toFormatter();

  private NezhaMetrics() {}

  /** What one file produced. */
  public record PodSeries(String pod, String service, List<String> metricNames,
      List<TimedLine> records, int skippedRows) {}

  /**
   * Converts one pod file.
   *
   * @param withNodeMetrics keep the {@code Node*} columns too
   */
  public static PodSeries read(Path file, String provider, String region, boolean withNodeMetrics)
      throws IOException {
    try (CsvReader csv = CsvReader.open(file)) {
      List<String> header = csv.next();
      if (header == null) {
        throw new IOException(file + ": empty metric file");
      }
      int timeCol = require(header, "Time", file);
      int stampCol = require(header, "TimeStamp", file);
      int podCol = require(header, "PodName", file);
      List<Integer> cols = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i);
        if (ID_COLUMNS.contains(h) || (!withNodeMetrics && h.startsWith(NODE_PREFIX))) {
          continue;
        }
        cols.add(i);
        names.add(MetricNames.sanitize(h));
      }
      List<TimedLine> out = new ArrayList<>();
      String pod = null;
      int skipped = 0;
      for (List<String> row = csv.next(); row != null; row = csv.next()) {
        if (row.size() != header.size()) {
          skipped++;
          continue;
        }
        pod = pod == null ? row.get(podCol) : pod;
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k = 0; k < cols.size(); k++) {
          double v = parse(row.get(cols.get(k)));
          if (Double.isFinite(v)) {
            metrics.put(names.get(k), v);
          }
        }
        if (metrics.isEmpty()) {
          skipped++;
          continue;
        }
        long time = time(row.get(timeCol), row.get(stampCol));
        out.add(ContractRecords.metric(time, provider, region, PodNames.serviceOf(pod), pod, metrics));
      }
      if (pod == null) {
        throw new IOException(file + ": no metric rows");
      }
      return new PodSeries(pod, PodNames.serviceOf(pod), names, out, skipped);
    }
  }

  /** The row time in epoch millis: the Go timestamp text, else the epoch-seconds column. */
  static long time(String goTime, String epochSeconds) {
    String[] parts = goTime.trim().split(" ");
    if (parts.length >= 3) {
      try {
        return OffsetDateTime.parse(parts[0] + " " + parts[1] + " " + parts[2], GO_TIME)
            .toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        // fall through to the epoch seconds column
      }
    }
    return Long.parseLong(epochSeconds.trim()) * 1000L;
  }

  private static double parse(String cell) {
    try {
      return Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static int require(List<String> header, String name, Path file) throws IOException {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IOException(file + ": no '" + name + "' column");
    }
    return i;
  }
}
