package dev.stormwatch.source;

import com.fasterxml.jackson.core.JsonToken;
import dev.stormwatch.event.DeadLetter.Reasons;
import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import java.util.Locale;

/** The input contract's per-field rules, applied to captured raw fields; violations throw. */
final class FieldRules {

  /** A contract violation with its dead-letter reason code; cheap (no stack trace). */
  static final class Rejected extends RuntimeException {
    final String reason;

    Rejected(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }

  TelemetryEvent.Kind kind(RawFields.Value kind) {
    String text = requiredText("kind", kind);
    if (text.equals("metric")) {
      return TelemetryEvent.Kind.METRIC;
    }
    if (text.equals("log")) {
      return TelemetryEvent.Kind.LOG;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "metric":
        return TelemetryEvent.Kind.METRIC;
      case "log":
        return TelemetryEvent.Kind.LOG;
      default:
        throw new Rejected(Reasons.UNKNOWN_KIND,
            "unknown kind " + RawFields.quote(text) + " (expected \"metric\" or \"log\")");
    }
  }

  /** The trimmed text of a required string field. */
  String requiredText(String name, RawFields.Value value) {
    if (value.isAbsent()) {
      throw missing(name);
    }
    if (!value.isString()) {
      throw wrongType(name, "a string", value);
    }
    String text = value.text.trim();
    if (text.isEmpty()) {
      throw new Rejected(Reasons.MISSING_FIELD, "required field \"" + name + "\" is empty");
    }
    return text;
  }

  /** The trimmed text of an optional string field, empty when absent or null. */
  String optionalText(String name, RawFields.Value value) {
    if (value.isAbsent()) {
      return "";
    }
    if (!value.isString()) {
      throw wrongType(name, "a string", value);
    }
    return value.text.trim();
  }

  /** The record time: an ISO-8601 string with a zone, or whole non-negative epoch milliseconds. */
  long timeMillis(RawFields.Value time) {
    if (time.isAbsent()) {
      throw missing("time");
    }
    long millis;
    if (time.isString()) {
      if (time.text.isBlank()) {
        throw new Rejected(Reasons.MISSING_FIELD, "required field \"time\" is empty");
      }
      try {
        millis = IsoTime.parseMillis(time.text);
      } catch (IllegalArgumentException e) {
        throw new Rejected(Reasons.INVALID_TIME, "field \"time\": " + e.getMessage());
      }
    } else if (time.token == JsonToken.VALUE_NUMBER_INT) {
      if (!time.fitsLong) {
        throw outOfRange(time.text);
      }
      millis = time.longValue;
    } else if (time.token == JsonToken.VALUE_NUMBER_FLOAT) {
      throw new Rejected(Reasons.INVALID_TIME, "field \"time\" is " + time.describe()
          + ", but epoch milliseconds must be a whole number");
    } else {
      throw new Rejected(Reasons.INVALID_TIME,
          "field \"time\" must be an ISO-8601 string with a zone or epoch milliseconds, got "
              + time.describe());
    }
    if (millis < 0 || millis > RecordParser.MAX_TIME_MILLIS) {
      throw outOfRange(time.isString() ? RawFields.quote(time.text) : time.text);
    }
    return millis;
  }

  /** Checks the captured metrics object of a metric record. */
  void checkMetrics(RawFields fields) {
    if (fields.metricsToken == null || fields.metricsToken == JsonToken.VALUE_NULL) {
      throw missing("metrics");
    }
    if (fields.metricsToken != JsonToken.START_OBJECT) {
      throw new Rejected(Reasons.INVALID_FIELD, "field \"metrics\" must be an object of numbers, got "
          + RawFields.describe(fields.metricsToken, fields.metricsText));
    }
    if (fields.metricProblem != null) {
      throw new Rejected(Reasons.INVALID_METRIC, fields.metricProblem);
    }
    if (fields.metricCount == 0) {
      throw new Rejected(Reasons.MISSING_FIELD, "field \"metrics\" is empty");
    }
  }

  /** The message of a log record: any string, not trimmed. */
  String message(RawFields.Value message) {
    if (message.isAbsent()) {
      throw missing("message");
    }
    if (!message.isString()) {
      throw wrongType("message", "a string", message);
    }
    return message.text;
  }

  /** The OpenTelemetry severity number of a log record; INFO when absent. */
  int severity(RawFields.Value severity) {
    if (severity.isAbsent()) {
      return Severity.INFO;
    }
    int number = -1;
    if (severity.isString()) {
      number = Severity.fromName(severity.text);
    } else if (severity.token == JsonToken.VALUE_NUMBER_INT && severity.fitsLong
        && severity.longValue == (int) severity.longValue
        && Severity.isValidNumber((int) severity.longValue)) {
      number = (int) severity.longValue;
    }
    if (number < 0) {
      throw new Rejected(Reasons.INVALID_FIELD, "field \"severity\" must be one of TRACE, DEBUG,"
          + " INFO, WARN, WARNING, ERROR, FATAL or a number 1-24, got " + severity.describe());
    }
    return number;
  }

  private static Rejected missing(String name) {
    return new Rejected(Reasons.MISSING_FIELD, "missing required field \"" + name + "\"");
  }

  private static Rejected wrongType(String name, String expected, RawFields.Value value) {
    return new Rejected(Reasons.INVALID_FIELD,
        "field \"" + name + "\" must be " + expected + ", got " + value.describe());
  }

  private static Rejected outOfRange(String shown) {
    return new Rejected(Reasons.INVALID_TIME, "field \"time\" " + shown
        + " is out of range (epoch milliseconds 0 to " + RecordParser.MAX_TIME_MILLIS
        + ", i.e. 1970-01-01 to 9999-12-31 UTC)");
  }
}
