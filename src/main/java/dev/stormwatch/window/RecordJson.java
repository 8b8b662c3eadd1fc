package dev.stormwatch.window;

import dev.stormwatch.event.TelemetryEvent;
import java.time.Instant;
import java.util.Locale;

/** Renders a record, or some of its metrics, back into the input contract's JSON for a dead letter. */
final class RecordJson {
  private RecordJson() {}

  /** The whole record. */
  static String describe(TelemetryEvent e) {
    return describe(e, null);
  }

  /** The record with only the metrics at {@code metrics} (all of them when null). */
  static String describe(TelemetryEvent e, int[] metrics) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"kind\":\"").append(e.kind().name().toLowerCase(Locale.ROOT)).append('"');
    b.append(",\"time\":\"").append(Instant.ofEpochMilli(e.timeMillis())).append('"');
    field(b, "provider", e.provider());
    field(b, "region", e.region());
    field(b, "service", e.service());
    field(b, "resource", e.resource());
    if (e.kind() == TelemetryEvent.Kind.LOG) {
      b.append(",\"severity\":").append(e.severity());
      field(b, "message", e.message());
    } else {
      b.append(",\"metrics\":{");
      int n = metrics == null ? e.metricNames().length : metrics.length;
      for (int k = 0; k < n; k++) {
        int i = metrics == null ? k : metrics[k];
        b.append(k == 0 ? "" : ",");
        quote(b, e.metricNames()[i]);
        b.append(':').append(e.metricValues()[i]);
      }
      b.append('}');
    }
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(",\"").append(name).append("\":");
    quote(b, value);
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
