package dev.stormwatch.config;

import java.time.Duration;
import java.util.Locale;

/** Parses human durations such as {@code 500ms}, {@code 60s}, {@code 10m}, {@code 2h}, {@code 7d}. */
public final class DurationParser {
  private DurationParser() {}

  /** Parses a duration; a bare number means seconds. */
  public static Duration parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      }
      char unit = s.charAt(s.length() - 1);
      if (Character.isDigit(unit)) {
        return Duration.ofSeconds(Long.parseLong(s));
      }
      long n = Long.parseLong(s.substring(0, s.length() - 1).trim());
      switch (unit) {
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        case 'd':
          return Duration.ofDays(n);
        default:
          break;
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 60s, 10m, 2h, 7d)", e);
    }
    throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 60s, 10m, 2h, 7d)");
  }
}
