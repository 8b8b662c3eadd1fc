package dev.stormwatch.eval;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses the ISO-8601 times of labels and alerts (with {@code Z} or a numeric offset). */
final class TimeParsing {
  private TimeParsing() {}

  /** The instant of an ISO-8601 text; throws IllegalArgumentException when unparsable. */
  static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("not an ISO-8601 time: " + text, e2);
      }
    }
  }
}
