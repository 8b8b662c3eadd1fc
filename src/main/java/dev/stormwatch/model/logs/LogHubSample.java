package dev.stormwatch.model.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One LogHub 2k sample with ground truth, read from {@code <System>/<System>_2k.log_structured.csv}:
 * the message part of each line ({@code Content}) and its true {@code EventId}.
 */
public record LogHubSample(String system, List<String> contents, List<String> eventIds) {

  /** The 16 LogHub systems of the 2k benchmark. */
  public static final List<String> SYSTEMS =
      List.of(
          "HDFS", "Hadoop", "Spark", "Zookeeper", "BGL", "HPC", "Thunderbird", "Windows", "Linux",
          "Android", "HealthApp", "Apache", "Proxifier", "OpenSSH", "OpenStack", "Mac");

  /** Reads {@code system}'s structured sample below the LogHub folder. */
  public static LogHubSample load(Path loghubDir, String system) throws IOException {
    Path csv = loghubDir.resolve(system).resolve(system + "_2k.log_structured.csv");
    List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    int content = header.indexOf("Content");
    int eventId = header.indexOf("EventId");
    if (content < 0 || eventId < 0) {
      throw new IOException(csv + " has no Content/EventId columns");
    }
    List<String> contents = new ArrayList<>(rows.size());
    List<String> ids = new ArrayList<>(rows.size());
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() == header.size()) {
        contents.add(row.get(content));
        ids.add(row.get(eventId));
      }
    }
    return new LogHubSample(system, List.copyOf(contents), List.copyOf(ids));
  }

  /** RFC 4180 rows: comma-separated, double-quoted fields may hold commas, quotes ("") and newlines. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
