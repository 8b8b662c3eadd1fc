package dev.stormwatch.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Builds input-contract JSON lines (metric and log records) with ISO-8601 UTC millisecond times. */
public final class ContractRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ContractRecords() {}

  /** ISO-8601 UTC with milliseconds. */
  public static String time(long epochMillis) {
    return MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  /** A metric record; {@code metrics} must be non-empty and finite. */
  public static TimedLine metric(long time, String provider, String region, String service,
      String resource, Map<String, Double> metrics) {
    ObjectNode n = head("metric", time, provider, region, service, resource);
    ObjectNode m = n.putObject("metrics");
    metrics.forEach(m::put);
    return new TimedLine(time, write(n));
  }

  /** A log record with a contract severity name. */
  public static TimedLine log(long time, String provider, String region, String service,
      String resource, String severity, String message) {
    ObjectNode n = head("log", time, provider, region, service, resource);
    n.put("severity", severity);
    n.put("message", message);
    return new TimedLine(time, write(n));
  }

  private static ObjectNode head(String kind, long time, String provider, String region,
      String service, String resource) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("kind", kind);
    n.put("time", time(time));
    n.put("provider", provider);
    if (!region.isEmpty()) {
      n.put("region", region);
    }
    n.put("service", service);
    if (!resource.isEmpty()) {
      n.put("resource", resource);
    }
    return n;
  }

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a record", e);
    }
  }
}
