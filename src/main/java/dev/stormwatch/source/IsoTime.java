package dev.stormwatch.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/** Parses ISO-8601 date-times that carry a zone into epoch milliseconds, fast for the common shape. */
public final class IsoTime {

  /** Marks "not the common shape" from the fast path; no common-shape instant maps to it. */
  private static final long NOT_COMMON = Long.MIN_VALUE;

  private static final int LONGEST_ECHO = 64;

  private IsoTime() {}

  /**
   * The epoch milliseconds of an ISO-8601 date-time with a zone, such as {@code
   * 2026-03-03T00:00:00.086Z} or {@code 2026-03-03T02:00:00+02:00}; fraction digits past the
   * millisecond are truncated, as {@link Instant#toEpochMilli()} does.
   *
   * @throws IllegalArgumentException when the text has no zone, is not ISO-8601 or is out of range
   */
  public static long parseMillis(String text) {
    if (text == null) {
      throw new IllegalArgumentException("time is null");
    }
    long millis = parseCommonShape(text);
    return millis != NOT_COMMON ? millis : parseWithJavaTime(text);
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM)} by hand; returns {@link
   * #NOT_COMMON} for any other shape or any out-of-range part, leaving the verdict to java.time.
   */
  private static long parseCommonShape(String s) {
    int n = s.length();
    if (n < 20 || n > 35) {
      return NOT_COMMON;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return NOT_COMMON;
    }
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour > 23 || minute > 59 || second > 59) {
      return NOT_COMMON;
    }
    int pos = 19;
    int millis = 0;
    if (s.charAt(pos) == '.') {
      int start = ++pos;
      while (pos < n && isDigit(s.charAt(pos))) {
        if (pos - start < 3) {
          millis = millis * 10 + (s.charAt(pos) - '0');
        }
        pos++;
      }
      int count = pos - start;
      if (count == 0 || count > 9) {
        return NOT_COMMON;
      }
      for (int i = count; i < 3; i++) {
        millis *= 10;
      }
    }
    int offsetSeconds = parseOffset(s, pos);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return NOT_COMMON;
    }
    long epochSeconds =
        epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second
            - offsetSeconds;
    return epochSeconds * 1_000L + millis;
  }

  /** The offset in seconds of {@code Z} or {@code +HH:MM} ending the text at pos, else MIN_VALUE. */
  private static int parseOffset(String s, int pos) {
    int n = s.length();
    if (pos == n - 1 && (s.charAt(pos) == 'Z' || s.charAt(pos) == 'z')) {
      return 0;
    }
    if (pos != n - 6 || s.charAt(pos + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    char sign = s.charAt(pos);
    int hours = digits(s, pos + 1, 2);
    int minutes = digits(s, pos + 4, 2);
    if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || minutes > 59
        || hours > 18 || (hours == 18 && minutes > 0)) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3_600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The non-negative value of count decimal digits at start, or -1 when one is not a digit. */
  private static int digits(String s, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The general path: any ISO-8601 date-time with an offset and/or a bracketed region zone. */
  private static long parseWithJavaTime(String text) {
    TemporalAccessor parsed;
    try {
      parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "not an ISO-8601 date-time with a zone: " + echo(text), e);
    }
    if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)
        && parsed.query(TemporalQueries.zoneId()) == null) {
      throw new IllegalArgumentException(
          "ISO-8601 date-time has no zone (add Z or an offset like +02:00): " + echo(text));
    }
    try {
      return Instant.from(parsed).toEpochMilli();
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("date-time out of range: " + echo(text), e);
    }
  }

  private static String echo(String text) {
    String cut = text.length() > LONGEST_ECHO ? text.substring(0, LONGEST_ECHO) + "..." : text;
    return '"' + cut + '"';
  }
}
