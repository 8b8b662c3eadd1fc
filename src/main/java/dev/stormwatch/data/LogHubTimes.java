package dev.stormwatch.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Per-system timestamp recipes for the LogHub structured CSVs: which columns hold the time and in
 * which format. Local times are read as UTC (LogHub does not record the zones); formats without a
 * year get {@link #ASSUMED_YEAR}; BGL, Thunderbird and HPC carry epoch seconds, used as they are.
 */
public final class LogHubTimes {
  /** Year given to timestamps that have none (a leap year, so 29 February parses). */
  public static final int ASSUMED_YEAR = 2000;

  /**
   * How to read one system's time.
   *
   * @param columns the cells joined with single spaces, in this order
   * @param format their format, or null when the single column is epoch seconds
   */
  public record Recipe(List<String> columns, DateTimeFormatter format) {
    /** The time of a row in epoch millis, or empty when a cell is missing or does not parse. */
    public OptionalLong parse(Map<String, String> row) {
      StringBuilder text = new StringBuilder();
      for (String c : columns) {
        String v = row.get(c);
        if (v == null || v.isBlank()) {
          return OptionalLong.empty();
        }
        text.append(text.isEmpty() ? "" : " ").append(v.trim().replaceAll("\\s+", " "));
      }
      try {
        if (format == null) {
          return OptionalLong.of(Long.parseLong(text.toString()) * 1000L);
        }
        return OptionalLong.of(LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC).toEpochMilli());
      } catch (NumberFormatException | DateTimeParseException e) {
        return OptionalLong.empty();
      }
    }
  }

  private static final Map<String, Recipe> RECIPES = Map.ofEntries(
      Map.entry("Android", recipe("MM-dd HH:mm:ss.SSS", "Date", "Time")),
      Map.entry("Apache", recipe("EEE MMM dd HH:mm:ss yyyy", "Time")),
      Map.entry("BGL", epochSeconds("Timestamp")),
      Map.entry("HDFS", recipe("yyMMdd HHmmss", "Date", "Time")),
      Map.entry("HPC", epochSeconds("Time")),
      Map.entry("Hadoop", recipe("yyyy-MM-dd HH:mm:ss,SSS", "Date", "Time")),
      Map.entry("HealthApp", new Recipe(List.of("Time"), unpaddedMillis("yyyyMMdd-H:m:s:"))),
      Map.entry("Linux", recipe("MMM d HH:mm:ss", "Month", "Date", "Time")),
      Map.entry("Mac", recipe("MMM d HH:mm:ss", "Month", "Date", "Time")),
      Map.entry("OpenSSH", recipe("MMM d HH:mm:ss", "Date", "Day", "Time")),
      Map.entry("OpenStack", recipe("yyyy-MM-dd HH:mm:ss.SSS", "Date", "Time")),
      Map.entry("Proxifier", recipe("MM.dd HH:mm:ss", "Time")),
      Map.entry("Spark", recipe("yy/MM/dd HH:mm:ss", "Date", "Time")),
      Map.entry("Thunderbird", epochSeconds("Timestamp")),
      Map.entry("Windows", recipe("yyyy-MM-dd HH:mm:ss", "Date", "Time")),
      Map.entry("Zookeeper", recipe("yyyy-MM-dd HH:mm:ss,SSS", "Date", "Time")));

  /** Start of the synthetic clock for systems without a usable timestamp. */
  public static final Instant SYNTHETIC_START = Instant.parse("2000-01-01T00:00:00Z");

  private LogHubTimes() {}

  /** The recipe of a system (LogHub folder name), or null when none is known. */
  public static Recipe of(String system) {
    return RECIPES.get(system);
  }

  private static Recipe epochSeconds(String column) {
    return new Recipe(List.of(column), null);
  }

  /** HealthApp writes milliseconds as an unpadded number ({@code 22:15:29:6} is 6 ms). */
  private static DateTimeFormatter unpaddedMillis(String pattern) {
    return new DateTimeFormatterBuilder().appendPattern(pattern)
        .appendValue(ChronoField.MILLI_OF_SECOND, 1, 3, SignStyle.NOT_NEGATIVE).toFormatter(Locale.ENGLISH);
  }

  private static Recipe recipe(String pattern, String... columns) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
    if (!pattern.contains("y")) {
      b.parseDefaulting(ChronoField.YEAR, ASSUMED_YEAR);
    }
    return new Recipe(List.of(columns), b.toFormatter(Locale.ENGLISH));
  }
}
