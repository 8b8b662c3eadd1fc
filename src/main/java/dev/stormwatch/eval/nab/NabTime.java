package dev.stormwatch.eval.nab;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Parses NAB timestamps ({@code 2014-04-10 07:15:00[.000000]}, zone-less, read as UTC). */
public final class NabTime {
  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  private NabTime() {}

  /** Epoch milliseconds of a NAB timestamp string. */
  public static long parseMillis(String text) {
    return LocalDateTime.parse(text.trim(), FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
