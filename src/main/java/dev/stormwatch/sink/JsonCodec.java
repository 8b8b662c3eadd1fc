package dev.stormwatch.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import java.time.Instant;

/** JSON rendering of the job's outputs: alert events and dead letters, one object per line. */
public final class JsonCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonCodec() {}

  /** The shared, thread-safe mapper (configured once, never mutated). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String alert(AlertEvent a) {
    try {
      return MAPPER.writeValueAsString(a);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render alert " + a.alertId(), e);
    }
  }

  public static AlertEvent parseAlert(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, AlertEvent.class);
  }

  public static String deadLetter(DeadLetter d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("reason", d.reason());
    n.put("detail", d.detail());
    n.put("origin", d.origin());
    n.put("observed_at", Instant.ofEpochMilli(d.observedAt()).toString());
    n.put("raw", d.raw());
    return n.toString();
  }
}
