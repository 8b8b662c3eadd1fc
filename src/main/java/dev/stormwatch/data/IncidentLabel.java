package dev.stormwatch.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One labelled incident in the evaluator's format ({@code incidents.json}: id, provider, service,
 * kind, start, impact, end as ISO-8601 UTC).
 */
public record IncidentLabel(String id, String provider, String service, String kind,
    Instant start, Instant impact, Instant end) {

  /** Writes the labels as a pretty-printed JSON array. */
  public static void write(Path file, List<IncidentLabel> labels) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (IncidentLabel l : labels) {
      ObjectNode n = array.addObject();
      n.put("id", l.id);
      n.put("provider", l.provider);
      n.put("service", l.service);
      n.put("kind", l.kind);
      n.put("start", l.start.toString());
      n.put("impact", l.impact.toString());
      n.put("end", l.end.toString());
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n");
  }
}
