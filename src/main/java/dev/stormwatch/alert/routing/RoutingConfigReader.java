package dev.stormwatch.alert.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.config.DurationParser;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code routing:} section of the YAML configuration into a {@link RoutingConfig}, with
 * errors that name the offending entry (e.g. {@code routing.silences[1]: ends ... must be after}).
 */
public final class RoutingConfigReader {
  private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private RoutingConfigReader() {}

  /** Applies one setting, {@code key} without the {@code routing.} prefix. */
  public static void apply(RoutingConfig c, String key, JsonNode v) {
    switch (key) {
      case "enabled" -> c.enabled = v.asBoolean();
      case "group-wait" -> c.groupWait = DurationParser.parse(v.asText());
      case "group-interval" -> c.groupInterval = DurationParser.parse(v.asText());
      case "repeat-interval" -> c.repeatInterval = DurationParser.parse(v.asText());
      case "inhibit" -> fields(v, "routing.inhibit", Set.of("provider-min-services"))
          .forEach((k, n) -> c.inhibitProviderMinServices = n.asInt());
      case "silences" -> c.silences = entries(v, "routing.silences", RoutingConfigReader::silence);
      case "maintenance" -> c.maintenance = entries(v, "routing.maintenance", RoutingConfigReader::window);
      default -> throw new IllegalArgumentException("unknown setting 'routing." + key + "'");
    }
  }

  private interface EntryParser<T> {
    T parse(JsonNode n, String where);
  }

  private static <T> List<T> entries(JsonNode v, String where, EntryParser<T> parser) {
    if (v.isNull()) {
      return new ArrayList<>();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(where + " must be a list");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      String at = where + "[" + i + "]";
      try {
        out.add(parser.parse(v.get(i), at));
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new IllegalArgumentException(
            e.getMessage().startsWith(at) ? e.getMessage() : at + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static Silence silence(JsonNode n, String where) {
    Map<String, JsonNode> f = fields(n, where, Set.of("matchers", "starts", "ends", "comment"));
    return new Silence(matchers(f.get("matchers"), where), instant(f, "starts", where),
        instant(f, "ends", where), text(f, "comment", ""));
  }

  private static MaintenanceWindow window(JsonNode n, String where) {
    Map<String, JsonNode> f = fields(n, where, Set.of("matchers", "days", "from", "to", "zone", "comment"));
    JsonNode days = f.get("days");
    if (days == null || !days.isArray() || days.isEmpty()) {
      throw new IllegalArgumentException(where + ": days must be a non-empty list such as [SAT, SUN]");
    }
    EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    for (JsonNode d : days) {
      String day = d.asText().trim().toUpperCase(Locale.ROOT);
      int i = DAYS.indexOf(day.length() > 3 ? day.substring(0, 3) : day);
      if (i < 0 || (day.length() > 3 && !DayOfWeek.of(i + 1).name().equals(day))) {
        throw new IllegalArgumentException(where + ": unknown day '" + d.asText() + "' (use MON..SUN)");
      }
      set.add(DayOfWeek.of(i + 1));
    }
    LocalTime from = time(f, "from", where);
    LocalTime to = time(f, "to", where);
    if (from.equals(to)) {
      throw new IllegalArgumentException(where + ": from and to are both " + from);
    }
    ZoneId zone;
    try {
      zone = f.containsKey("zone") ? ZoneId.of(f.get("zone").asText()) : ZoneOffset.UTC;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(where + ": unknown zone '" + f.get("zone").asText() + "'", e);
    }
    return new MaintenanceWindow(matchers(f.get("matchers"), where), set, from, to, zone, text(f, "comment", ""));
  }

  private static AlertMatchers matchers(JsonNode n, String where) {
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException(where + ": matchers are required (provider, service and/or severity)");
    }
    Map<String, JsonNode> m = fields(n, where + ".matchers", Set.of("provider", "service", "severity"));
    if (m.isEmpty()) {
      throw new IllegalArgumentException(where + ": matchers must name provider, service and/or severity");
    }
    try {
      return new AlertMatchers(text(m, "provider", null), text(m, "service", null), text(m, "severity", null));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".matchers: " + e.getMessage(), e);
    }
  }

  private static Instant instant(Map<String, JsonNode> f, String name, String where) {
    String s = text(f, name, null);
    if (s == null) {
      throw new IllegalArgumentException(where + ": " + name + " is required (ISO-8601, e.g. 2026-03-02T10:00:00Z)");
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": " + name + " '" + s
          + "' is not an ISO-8601 time with zone (e.g. 2026-03-02T10:00:00Z)", e);
    }
  }

  private static LocalTime time(Map<String, JsonNode> f, String name, String where) {
    String s = text(f, name, null);
    if (s == null) {
      throw new IllegalArgumentException(where + ": " + name + " is required (HH:MM)");
    }
    try {
      return LocalTime.parse(s.length() == 4 ? "0" + s : s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": " + name + " '" + s + "' is not a time of day (HH:MM)", e);
    }
  }

  private static String text(Map<String, JsonNode> f, String name, String fallback) {
    JsonNode n = f.get(name);
    return n == null || n.isNull() ? fallback : n.asText();
  }

  private static Map<String, JsonNode> fields(JsonNode n, String where, Set<String> allowed) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(where + " must be a mapping of " + allowed);
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!allowed.contains(e.getKey())) {
        throw new IllegalArgumentException(where + ": unknown key '" + e.getKey() + "' (allowed: "
            + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
