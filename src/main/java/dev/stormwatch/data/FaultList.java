package dev.stormwatch.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a Nezha {@code <date>-fault_list.json} ({@code {"HH": [{"inject_time", "inject_timestamp",
 * "inject_pod", "inject_type"}]}}). The injection time is {@code inject_time} read as UTC: that
 * matches the metric and log clocks in every shipped file, while {@code inject_timestamp} is 8 h
 * (plus a minute) off on 2023-01-29 and repeats a value there.
 */
public final class FaultList {
  private static final DateTimeFormatter INJECT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private FaultList() {}

  /**
   * One injected fault.
   *
   * @param inject injection time
   * @param pod the pod it was injected into
   * @param type fault type, e.g. {@code cpu_contention}
   */
  public record Fault(Instant inject, String pod, String type) {
    /** The service the fault hits. */
    public String service() {
      return PodNames.serviceOf(pod);
    }
  }

  /** The faults of the file, in injection order. */
  public static List<Fault> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": expected an object of hour -> fault list");
    }
    List<Fault> faults = new ArrayList<>();
    for (Iterator<JsonNode> hours = root.elements(); hours.hasNext(); ) {
      for (JsonNode f : hours.next()) {
        String time = f.path("inject_time").asText("");
        try {
          Instant inject = LocalDateTime.parse(time, INJECT_TIME).toInstant(ZoneOffset.UTC);
          faults.add(new Fault(inject, f.path("inject_pod").asText(), f.path("inject_type").asText()));
        } catch (DateTimeParseException e) {
          throw new IOException(file + ": bad inject_time '" + time + "'", e);
        }
      }
    }
    faults.sort(Comparator.comparing(Fault::inject));
    return faults;
  }
}
