package dev.stormwatch.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads just the top-level {@code time} of a raw record, cheaply (streaming, stops at the field),
 * so that a Kafka source can stamp records and track watermarks per partition before they are
 * parsed. Gives {@link Long#MIN_VALUE} when there is no usable time or one too far ahead of the
 * clock ({@link FutureTimes}); such records are dead-lettered by the parser and do not move the
 * watermark.
 */
public final class EventTimes {
  private static final JsonFactory FACTORY = new JsonFactory();

  private EventTimes() {}

  /**
   * The record's event time in epoch milliseconds, or {@link Long#MIN_VALUE} when it has none or
   * is more than {@code maxFutureMillis} ahead of the clock (0: any).
   */
  public static long extract(String raw, long maxFutureMillis) {
    long millis = extract(raw);
    return FutureTimes.tooFarAhead(millis, maxFutureMillis) ? Long.MIN_VALUE : millis;
  }

  /** The record's event time in epoch milliseconds, or {@link Long#MIN_VALUE}. */
  public static long extract(String raw) {
    if (raw == null || raw.length() > RecordParser.MAX_RECORD_BYTES) {
      return Long.MIN_VALUE;
    }
    try (JsonParser p = FACTORY.createParser(raw)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Long.MIN_VALUE;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (!"time".equals(name)) {
          p.skipChildren();
          continue;
        }
        if (value == JsonToken.VALUE_STRING) {
          return IsoTime.parseMillis(p.getText());
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
          long millis = p.getLongValue();
          return millis >= 0 ? millis : Long.MIN_VALUE;
        }
        return Long.MIN_VALUE;
      }
      return Long.MIN_VALUE;
    } catch (IOException | RuntimeException e) {
      return Long.MIN_VALUE;
    }
  }
}
