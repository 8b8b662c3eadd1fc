package dev.stormwatch.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A converted Nezha day: time-ordered history (warm-up) and live records, incident labels and the
 * run metadata that {@code scripts/evaluate.sh scenario} reads from {@code scenario.json}.
 *
 * @param history fault-free records, already shifted to precede the live period
 * @param live the fault-suffering records
 * @param incidents one label per injected fault
 * @param liveStart first minute of live data
 * @param liveEnd end of the live period (exclusive)
 * @param metadata the scenario.json content
 */
public record NezhaDataset(List<TimedLine> history, List<TimedLine> live,
    List<IncidentLabel> incidents, Instant liveStart, Instant liveEnd, ObjectNode metadata) {

  public static final String HISTORY = "history.jsonl";
  public static final String LIVE = "live.jsonl";
  public static final String INCIDENTS = "incidents.json";
  public static final String SCENARIO = "scenario.json";

  /** Writes history.jsonl, live.jsonl (with {@code .gz} when asked), incidents.json and scenario.json. */
  public void write(Path dir, boolean gzip) throws IOException {
    Files.createDirectories(dir);
    String ext = gzip ? ".gz" : "";
    for (String stale : List.of(HISTORY, LIVE)) {
      Files.deleteIfExists(dir.resolve(stale + (gzip ? "" : ".gz")));
    }
    JsonLinesFiles.write(dir.resolve(HISTORY + ext), history);
    JsonLinesFiles.write(dir.resolve(LIVE + ext), live);
    IncidentLabel.write(dir.resolve(INCIDENTS), incidents);
    Files.writeString(dir.resolve(SCENARIO),
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(metadata) + "\n");
  }
}
