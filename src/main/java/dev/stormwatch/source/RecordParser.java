package dev.stormwatch.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.event.DeadLetter.Reasons;
import dev.stormwatch.event.TelemetryEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one raw JSON Lines line or Kafka value into a {@link TelemetryEvent} or a {@link
 * DeadLetter} that says why not; one instance per thread (it reuses scratch buffers).
 */
public final class RecordParser {

  /** Largest accepted record, in UTF-8 bytes. */
  public static final int MAX_RECORD_BYTES = 1 << 20;

  /** Latest accepted time: 9999-12-31T23:59:59.999Z in epoch milliseconds. */
  public static final long MAX_TIME_MILLIS = 253_402_300_799_999L;

  private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at .*?\\]\\)");

  private final JsonFactory factory =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private final RawFields fields = new RawFields();
  private final FieldRules rules = new FieldRules();

  /**
   * Parses one record.
   *
   * @param raw the record text (one line, without its line terminator)
   * @param origin where it came from (file path or topic), copied into dead letters
   */
  public ParseResult parse(String raw, String origin) {
    if (raw == null || raw.isBlank()) {
      return ParseResult.SKIP;
    }
    if (exceedsMaxBytes(raw)) {
      return dead(Reasons.TOO_LARGE,
          "record is larger than " + MAX_RECORD_BYTES + " UTF-8 bytes (1 MiB)", raw, origin);
    }
    String json = raw.charAt(0) == '\uFEFF' ? raw.substring(1) : raw;
    if (json.isBlank()) {
      return ParseResult.SKIP;
    }
    try (JsonParser parser = factory.createParser(json)) {
      JsonToken root = parser.nextToken();
      if (root != JsonToken.START_OBJECT) {
        String text = root.isScalarValue() ? parser.getText() : null;
        parser.skipChildren();
        requireEnd(parser);
        return dead(Reasons.NOT_AN_OBJECT,
            "record must be a JSON object, got " + RawFields.describe(root, text), raw, origin);
      }
      fields.readObject(parser);
      requireEnd(parser);
    } catch (TrailingContent e) {
      return dead(Reasons.INVALID_JSON, e.getMessage(), raw, origin);
    } catch (JsonProcessingException e) {
      return dead(Reasons.INVALID_JSON,
          "not valid JSON: " + withoutSourceEcho(e.getOriginalMessage()) + at(e.getLocation()),
          raw, origin);
    } catch (IOException e) {
      return dead(Reasons.INVALID_JSON, "not readable as JSON: " + e.getMessage(), raw, origin);
    }
    try {
      return ParseResult.ofEvent(toEvent());
    } catch (FieldRules.Rejected e) {
      return dead(e.reason, e.getMessage(), raw, origin);
    }
  }

  private TelemetryEvent toEvent() {
    RawFields f = fields;
    TelemetryEvent.Kind kind = rules.kind(f.kind);
    String provider = rules.requiredText("provider", f.provider).toLowerCase(Locale.ROOT);
    String service = rules.requiredText("service", f.service);
    long time = rules.timeMillis(f.time);
    String region = rules.optionalText("region", f.region);
    String resource = rules.optionalText("resource", f.resource);
    if (kind == TelemetryEvent.Kind.METRIC) {
      rules.checkMetrics(f);
      return TelemetryEvent.metric(time, provider, region, service, resource,
          Arrays.copyOf(f.metricNames, f.metricCount),
          Arrays.copyOf(f.metricValues, f.metricCount));
    }
    String message = rules.message(f.message);
    int severity = rules.severity(f.severity);
    return TelemetryEvent.log(time, provider, region, service, resource, severity, message);
  }

  /** True when the UTF-8 encoding of text is over the limit; exact counting only near the limit. */
  static boolean exceedsMaxBytes(String text) {
    int chars = text.length();
    if (chars > MAX_RECORD_BYTES) {
      return true;
    }
    if (chars <= MAX_RECORD_BYTES / 3) {
      return false;
    }
    long bytes = 0;
    for (int i = 0; i < chars; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < chars
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes > MAX_RECORD_BYTES;
  }

  private static void requireEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new TrailingContent(
          "not valid JSON: unexpected content after the first JSON value" + at(parser.currentLocation()));
    }
  }

  /** Jackson's message without its "(start marker at [Source: ...])" location suffix. */
  private static String withoutSourceEcho(String message) {
    return message == null ? "" : START_MARKER.matcher(message).replaceAll("");
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getColumnNr() < 0) {
      return "";
    }
    return " (at column " + location.getColumnNr() + ")";
  }

  private static ParseResult dead(String reason, String detail, String raw, String origin) {
    return ParseResult.ofDeadLetter(DeadLetter.of(reason, detail, raw, origin));
  }

  /** A second JSON value after the record's object. */
  private static final class TrailingContent extends IOException {
    TrailingContent(String message) {
      super(message);
    }
  }
}
