package dev.stormwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled event of a scenario ({@code incidents.json} or {@code benign.json}).
 *
 * @param id label id
 * @param provider cloud provider
 * @param service service name
 * @param kind event kind, e.g. {@code memory_leak}
 * @param start onset
 * @param impact when users notice (equal to start for benign events)
 * @param end end of the event
 */
public record Label(
    String id, String provider, String service, String kind, Instant start, Instant impact,
    Instant end) {

  /** Reads a JSON array of label objects. */
  public static List<Label> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.isArray()) {
      throw new IOException(file + ": expected a JSON array of labels");
    }
    List<Label> labels = new ArrayList<>();
    for (JsonNode n : root) {
      Instant start = time(n, "start", file);
      Instant impact = n.hasNonNull("impact") ? time(n, "impact", file) : start;
      labels.add(new Label(text(n, "id", file), text(n, "provider", file), text(n, "service", file),
          text(n, "kind", file), start, impact, time(n, "end", file)));
    }
    return labels;
  }

  /** True when the label is about this provider and service. */
  public boolean sameTarget(String otherProvider, String otherService) {
    return provider.equals(otherProvider) && service.equals(otherService);
  }

  private static String text(JsonNode n, String field, Path file) throws IOException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IOException(file + ": label without text field \"" + field + "\": " + n);
    }
    return v.asText();
  }

  private static Instant time(JsonNode n, String field, Path file) throws IOException {
    try {
      return TimeParsing.instant(text(n, field, file));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": bad time in \"" + field + "\": " + n, e);
    }
  }
}
