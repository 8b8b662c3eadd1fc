package dev.stormwatch.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/** Reusable scratch that captures the contract's top-level fields of one JSON object in one pass. */
final class RawFields {

  private static final int LONGEST_ECHO = 64;

  /** One captured top-level value: its token, and its text when it is a scalar. */
  static final class Value {
    JsonToken token;
    String text;
    long longValue;
    boolean fitsLong;

    void reset() {
      token = null;
      text = null;
      longValue = 0;
      fitsLong = false;
    }

    /** True when the field is missing or JSON null. */
    boolean isAbsent() {
      return token == null || token == JsonToken.VALUE_NULL;
    }

    boolean isString() {
      return token == JsonToken.VALUE_STRING;
    }

    /** The JSON type of the value with a short echo, for detail messages. */
    String describe() {
      return RawFields.describe(token, text);
    }

    void capture(JsonParser p, JsonToken value) throws IOException {
      token = value;
      switch (value) {
        case START_OBJECT:
        case START_ARRAY:
          p.skipChildren();
          text = null;
          break;
        case VALUE_NUMBER_INT:
          text = p.getText();
          JsonParser.NumberType type = p.getNumberType();
          fitsLong = type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
          longValue = fitsLong ? p.getLongValue() : 0;
          break;
        default:
          text = p.getText();
      }
    }
  }

  final Value kind = new Value();
  final Value time = new Value();
  final Value provider = new Value();
  final Value service = new Value();
  final Value region = new Value();
  final Value resource = new Value();
  final Value message = new Value();
  final Value severity = new Value();

  /** The token the metrics field started with (null when absent). */
  JsonToken metricsToken;

  /** The text of the metrics field when it was a scalar (for detail messages). */
  String metricsText;

  int metricCount;
  String[] metricNames = new String[8];
  double[] metricValues = new double[8];

  /** Why the first bad metric value is bad, or null when all were finite numbers. */
  String metricProblem;

  void reset() {
    kind.reset();
    time.reset();
    provider.reset();
    service.reset();
    region.reset();
    resource.reset();
    message.reset();
    severity.reset();
    metricsToken = null;
    metricsText = null;
    metricCount = 0;
    metricProblem = null;
  }

  /**
   * Reads the fields of the object whose START_OBJECT the parser is on, up to and including its
   * END_OBJECT; unknown fields are skipped.
   */
  void readObject(JsonParser p) throws IOException {
    reset();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "kind" -> kind.capture(p, value);
        case "time" -> time.capture(p, value);
        case "provider" -> provider.capture(p, value);
        case "service" -> service.capture(p, value);
        case "region" -> region.capture(p, value);
        case "resource" -> resource.capture(p, value);
        case "message" -> message.capture(p, value);
        case "severity" -> severity.capture(p, value);
        case "metrics" -> readMetrics(p, value);
        default -> p.skipChildren();
      }
    }
  }

  private void readMetrics(JsonParser p, JsonToken value) throws IOException {
    metricsToken = value;
    metricsText = value.isScalarValue() ? p.getText() : null;
    metricCount = 0;
    metricProblem = null;
    if (value != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      if (name.isBlank()) {
        p.skipChildren();
        noteMetricProblem(name, "has an empty name");
      } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        double number = p.getDoubleValue();
        if (Double.isFinite(number)) {
          putMetric(name, number);
        } else {
          noteMetricProblem(name, "is not a finite number: " + shorten(p.getText()));
        }
      } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        p.skipChildren();
        noteMetricProblem(name, "is not a finite number: " + describe(token, null));
      } else {
        noteMetricProblem(name, "is not a finite number: " + describe(token, p.getText()));
      }
    }
  }

  private void putMetric(String name, double number) {
    for (int i = 0; i < metricCount; i++) {
      if (metricNames[i].equals(name)) {
        metricValues[i] = number;
        return;
      }
    }
    if (metricCount == metricNames.length) {
      metricNames = Arrays.copyOf(metricNames, metricCount * 2);
      metricValues = Arrays.copyOf(metricValues, metricCount * 2);
    }
    metricNames[metricCount] = name;
    metricValues[metricCount] = number;
    metricCount++;
  }

  private void noteMetricProblem(String name, String why) {
    if (metricProblem == null) {
      metricProblem = "metric " + quote(name) + " " + why;
    }
  }

  /** A short echo of a JSON value: a quoted string, a number or literal, or "an object"/"an array". */
  static String describe(JsonToken token, String text) {
    if (token == null) {
      return "missing";
    }
    return switch (token) {
      case VALUE_STRING -> quote(text);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> shorten(text);
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** The text in double quotes, cut to a readable length. */
  static String quote(String text) {
    return '"' + shorten(text) + '"';
  }

  private static String shorten(String text) {
    return text.length() > LONGEST_ECHO ? text.substring(0, LONGEST_ECHO) + "..." : text;
  }
}
