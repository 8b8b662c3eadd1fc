package dev.stormwatch.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns column headers such as {@code CpuUsageRate(%)} into snake_case metric names ({@code cpu_usage_rate_pct}). */
public final class MetricNames {
  private static final Pattern UNIT = Pattern.compile("^(.*?)\\s*\\(([^)]*)\\)\\s*$");
  private static final Pattern LOWER_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern ACRONYM_WORD = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

  private MetricNames() {}

  /** The snake_case name of a header; a unit in trailing parentheses becomes a suffix, {@code %} is {@code pct}. */
  public static String sanitize(String header) {
    String base = header.trim();
    String unit = "";
    Matcher m = UNIT.matcher(base);
    if (m.matches()) {
      base = m.group(1);
      unit = m.group(2).trim().equals("%") ? "pct" : m.group(2);
    }
    String name = snake(base);
    String suffix = snake(unit);
    String joined = suffix.isEmpty() ? name : name.isEmpty() ? suffix : name + "_" + suffix;
    if (joined.isEmpty()) {
      throw new IllegalArgumentException("header has no usable name: '" + header + "'");
    }
    return joined;
  }

  private static String snake(String s) {
    String spaced = ACRONYM_WORD.matcher(s).replaceAll("$1_$2");
    spaced = LOWER_UPPER.matcher(spaced).replaceAll("$1_$2");
    String lower = NON_WORD.matcher(spaced.toLowerCase(Locale.ROOT)).replaceAll("_");
    int from = 0;
    int to = lower.length();
    while (from < to && lower.charAt(from) == '_') {
      from++;
    }
    while (to > from && lower.charAt(to - 1) == '_') {
      to--;
    }
    return lower.substring(from, to);
  }
}
