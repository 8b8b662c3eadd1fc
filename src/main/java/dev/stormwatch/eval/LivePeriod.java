package dev.stormwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.event.TelemetryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The live period and service count that false-alarm rates are normalised by: from {@code
 * scenario.json} (given, or found next to the incidents file), else from the input records.
 */
public record LivePeriod(Instant start, Instant end, int services) {

  /**
   * @param incidents the incidents file (its folder is searched for scenario.json)
   * @param scenario an explicit scenario.json, or null
   * @param input the live records
   * @param step the window slide in millis (the period is aligned to it)
   */
  public static LivePeriod of(Path incidents, Path scenario, List<TelemetryEvent> input, long step)
      throws IOException {
    Path dir = incidents.toAbsolutePath().getParent();
    if (scenario == null && dir != null && Files.exists(dir.resolve("scenario.json"))) {
      scenario = dir.resolve("scenario.json");
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    Set<String> keys = new HashSet<>();
    for (TelemetryEvent e : input) {
      first = Math.min(first, e.timeMillis());
      last = Math.max(last, e.timeMillis());
      keys.add(e.key());
    }
    Instant start = first == Long.MAX_VALUE ? Instant.EPOCH : Instant.ofEpochMilli(Math.floorDiv(first, step) * step);
    Instant end = last == Long.MIN_VALUE ? start : Instant.ofEpochMilli(Math.floorDiv(last, step) * step + step);
    int services = keys.size();
    if (scenario != null) {
      JsonNode meta = new ObjectMapper().readTree(scenario.toFile());
      start = meta.hasNonNull("live_start") ? Instant.parse(meta.get("live_start").asText()) : start;
      end = meta.hasNonNull("live_end") ? Instant.parse(meta.get("live_end").asText()) : end;
      services = meta.path("services").asInt(services);
    }
    return new LivePeriod(start, end, services);
  }
}
