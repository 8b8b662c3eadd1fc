package dev.stormwatch.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes input-contract records as compact JSON lines, with stable formatting for reproducibility. */
public final class JsonLines {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private JsonLines() {}

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2026-03-03T00:00:00.086Z}. */
  public static String time(long epochMillis) {
    return MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  /** A metric record; {@code decimals[i]} digits are kept for value i. */
  public static String metric(long time, ServiceSpec s, String resource, String[] names,
      double[] values, int[] decimals, int count) {
    StringBuilder b = head("metric", time, s, resource);
    b.append(",\"metrics\":{");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(names[i]).append("\":");
      number(b, values[i], decimals[i]);
    }
    return b.append("}}").toString();
  }

  /** A log record. */
  public static String log(long time, ServiceSpec s, String resource, String severity,
      String message) {
    StringBuilder b = head("log", time, s, resource);
    b.append(",\"severity\":\"").append(severity).append("\",\"message\":");
    string(b, message);
    return b.append('}').toString();
  }

  private static StringBuilder head(String kind, long time, ServiceSpec s, String resource) {
    StringBuilder b = new StringBuilder(220);
    b.append("{\"kind\":\"").append(kind).append("\",\"time\":\"").append(time(time))
        .append("\",\"provider\":\"").append(s.provider())
        .append("\",\"region\":\"").append(s.region())
        .append("\",\"service\":\"").append(s.name())
        .append("\",\"resource\":\"").append(resource).append('"');
    return b;
  }

  /** Appends {@code v} rounded to {@code decimals} digits, without trailing zeros. */
  static void number(StringBuilder b, double v, int decimals) {
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long scaled = Math.round(v * scale);
    if (scaled < 0) {
      b.append('-');
      scaled = -scaled;
    }
    b.append(scaled / scale);
    long fraction = scaled % scale;
    if (fraction == 0) {
      return;
    }
    String digits = Long.toString(fraction + scale).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    b.append('.').append(digits, 0, end);
  }

  /** Appends a JSON string literal with the required escapes. */
  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }
}
