package dev.stormwatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.event.DeadLetter.Reasons;
import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordParserTest {

  static final String METRIC_EXAMPLE =
      "{\"kind\":\"metric\",\"time\":\"2026-03-03T00:00:00.086Z\",\"provider\":\"aws\","
          + "\"region\":\"us-east-1\",\"service\":\"payments\",\"resource\":\"payments-53d829\","
          + "\"metrics\":{\"cpu_util\":0.52,\"latency_p99_ms\":78.3,\"error_rate\":0.0025}}";
  static final String LOG_EXAMPLE =
      "{\"kind\":\"log\",\"time\":\"2026-03-03T00:00:01.200Z\",\"provider\":\"gcp\","
          + "\"region\":\"us-central1\",\"service\":\"search\",\"resource\":\"search-1a2b3c\","
          + "\"severity\":\"ERROR\",\"message\":\"upstream connect error ...\"}";
  private static final String ORIGIN = "data/input.jsonl";

  private final RecordParser parser = new RecordParser();

  private TelemetryEvent event(String raw) {
    ParseResult result = parser.parse(raw, ORIGIN);
    assertThat(result.isEvent()).as("%s", result).isTrue();
    return result.event();
  }

  private DeadLetter dead(String raw, String reason) {
    ParseResult result = parser.parse(raw, ORIGIN);
    assertThat(result.isDeadLetter()).as("%s", result).isTrue();
    DeadLetter letter = result.deadLetter();
    assertThat(letter.reason()).as(letter.detail()).isEqualTo(reason);
    assertThat(letter.origin()).isEqualTo(ORIGIN);
    assertThat(letter.detail()).isNotBlank();
    return letter;
  }

  /** A log record with one top-level field replaced by the given JSON (or removed when null). */
  private static String log(String field, String json) {
    return record("log", field, json, "\"message\":\"disk full\"");
  }

  private static String metric(String field, String json) {
    return record("metric", field, json, "\"metrics\":{\"cpu_util\":0.5}");
  }

  private static String record(String kind, String field, String json, String payload) {
    String[][] fields = {
        {"kind", "\"" + kind + "\""}, {"time", "\"2026-03-03T00:00:00Z\""},
        {"provider", "\"aws\""}, {"service", "\"payments\""}, {"region", "\"us-east-1\""}};
    StringBuilder out = new StringBuilder("{");
    for (String[] f : fields) {
      String value = f[0].equals(field) ? json : f[1];
      if (value != null) {
        out.append('"').append(f[0]).append("\":").append(value).append(',');
      }
    }
    String payloadName = payload.substring(1, payload.indexOf('"', 1));
    if (!payloadName.equals(field)) {
      out.append(payload).append(',');
    }
    boolean replacedBase = java.util.Arrays.stream(fields).anyMatch(f -> f[0].equals(field));
    if (!replacedBase && json != null) {
      out.append('"').append(field).append("\":").append(json);
    }
    if (out.charAt(out.length() - 1) == ',') {
      out.setLength(out.length() - 1);
    }
    return out.append('}').toString();
  }

  @Test
  void contractMetricExampleParses() {
    TelemetryEvent e = event(METRIC_EXAMPLE);
    assertThat(e.kind()).isEqualTo(TelemetryEvent.Kind.METRIC);
    assertThat(e.timeMillis()).isEqualTo(Instant.parse("2026-03-03T00:00:00.086Z").toEpochMilli());
    assertThat(e.provider()).isEqualTo("aws");
    assertThat(e.region()).isEqualTo("us-east-1");
    assertThat(e.service()).isEqualTo("payments");
    assertThat(e.resource()).isEqualTo("payments-53d829");
    assertThat(e.metricNames()).containsExactly("cpu_util", "latency_p99_ms", "error_rate");
    assertThat(e.metricValues()).containsExactly(0.52, 78.3, 0.0025);
    assertThat(e.message()).isEmpty();
    assertThat(e.warmup()).isFalse();
  }

  @Test
  void contractLogExampleParses() {
    TelemetryEvent e = event(LOG_EXAMPLE);
    assertThat(e.kind()).isEqualTo(TelemetryEvent.Kind.LOG);
    assertThat(e.timeMillis()).isEqualTo(Instant.parse("2026-03-03T00:00:01.200Z").toEpochMilli());
    assertThat(e.provider()).isEqualTo("gcp");
    assertThat(e.service()).isEqualTo("search");
    assertThat(e.resource()).isEqualTo("search-1a2b3c");
    assertThat(e.severity()).isEqualTo(Severity.ERROR);
    assertThat(e.message()).isEqualTo("upstream connect error ...");
    assertThat(e.metricNames()).isEmpty();
  }

  @Test
  void eventsDoNotShareScratchBuffersBetweenRecords() {
    TelemetryEvent first = event(METRIC_EXAMPLE);
    event(metric("metrics", "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9}"));
    assertThat(first.metricNames()).containsExactly("cpu_util", "latency_p99_ms", "error_rate");
    assertThat(first.metricValues()).containsExactly(0.52, 78.3, 0.0025);
  }

  @Test
  void manyMetricsAndDuplicateNamesKeepTheLastValue() {
    TelemetryEvent e = event(metric("metrics",
        "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"a\":10}"));
    assertThat(e.metricNames()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
    assertThat(e.metricValues()).containsExactly(10, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void epochMillisTimeIsAccepted() {
    assertThat(event(metric("time", "1772496000086")).timeMillis()).isEqualTo(1_772_496_000_086L);
    assertThat(event(metric("time", "0")).timeMillis()).isZero();
  }

  @Test
  void offsetTimeIsConvertedToUtc() {
    assertThat(event(log("time", "\"2026-03-03T02:00:00.5+02:00\"")).timeMillis())
        .isEqualTo(Instant.parse("2026-03-03T00:00:00.500Z").toEpochMilli());
  }

  @ParameterizedTest
  @CsvSource({
      "'\"TRACE\"', 1", "'\"debug\"', 5", "'\"Info\"', 9", "'\"WARN\"', 13", "'\"warning\"', 13",
      "'\"error\"', 17", "'\"FATAL\"', 21", "'\" error \"', 17", "1, 1", "9, 9", "24, 24",
      "null, 9"})
  void severityNamesAndNumbersAreAccepted(String json, int expected) {
    assertThat(event(log("severity", json)).severity()).isEqualTo(expected);
  }

  @Test
  void absentSeverityDefaultsToInfo() {
    assertThat(event(log("severity", null)).severity()).isEqualTo(Severity.INFO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"LOUD\"", "\"\"", "0", "25", "-1", "9.5", "true", "{}", "[]",
      "\"9\"", "99999999999"})
  void badSeverityIsInvalidField(String json) {
    assertThat(dead(log("severity", json), Reasons.INVALID_FIELD).detail()).contains("severity");
  }

  @Test
  void fieldsAreTrimmedAndProviderLowerCased() {
    TelemetryEvent e = event("{\"kind\":\" Metric \",\"time\":\"2026-03-03T00:00:00Z\","
        + "\"provider\":\"  AWS \",\"service\":\" payments \",\"region\":\" us-east-1 \","
        + "\"resource\":\" i-1 \",\"metrics\":{\"x\":1}}");
    assertThat(e.kind()).isEqualTo(TelemetryEvent.Kind.METRIC);
    assertThat(e.provider()).isEqualTo("aws");
    assertThat(e.service()).isEqualTo("payments");
    assertThat(e.region()).isEqualTo("us-east-1");
    assertThat(e.resource()).isEqualTo("i-1");
    assertThat(e.key()).isEqualTo(TelemetryEvent.metric(0, "aws", "", "payments", "", null, null).key());
  }

  @Test
  void regionAndResourceDefaultToEmpty() {
    TelemetryEvent e = event(log("region", null));
    assertThat(e.region()).isEmpty();
    assertThat(e.resource()).isEmpty();
    assertThat(event(log("region", "null")).region()).isEmpty();
  }

  @Test
  void unknownExtraFieldsAreIgnored() {
    TelemetryEvent e = event("{\"kind\":\"log\",\"trace_id\":\"abc\",\"attrs\":{\"a\":[1,{\"b\":null}]},"
        + "\"time\":\"2026-03-03T00:00:00Z\",\"provider\":\"azure\",\"service\":\"auth\","
        + "\"message\":\"ok\",\"metrics\":\"ignored for logs\",\"n\":1e400}");
    assertThat(e.provider()).isEqualTo("azure");
    assertThat(e.message()).isEqualTo("ok");
  }

  @Test
  void logMessageKeepsItsText() {
    assertThat(event(log("message", "\"  line with \\\"quotes\\\" \\u00e9 \"")).message())
        .isEqualTo("  line with \"quotes\" \u00e9 ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t", " \t  "})
  void blankLinesAreSkipped(String raw) {
    ParseResult result = parser.parse(raw, ORIGIN);
    assertThat(result.isSkip()).isTrue();
    assertThat(result.isEvent()).isFalse();
    assertThat(result.isDeadLetter()).isFalse();
    assertThat(parser.parse(null, ORIGIN).isSkip()).isTrue();
  }

  @Test
  void byteOrderMarkIsIgnored() {
    assertThat(event("\uFEFF" + METRIC_EXAMPLE).service()).isEqualTo("payments");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"kind\":", "not json", "{'kind':'log'}", "{\"a\":1,}",
      "{\"kind\":\"log\"} trailing", "{\"kind\":\"log\"}{\"kind\":\"log\"}", "[1,2", "\"abc"})
  void malformedJsonIsInvalidJson(String raw) {
    dead(raw, Reasons.INVALID_JSON);
  }

  @Test
  void invalidJsonDeadLetterKeepsRawAndSaysWhere() {
    DeadLetter letter = dead("{\"kind\": nope}", Reasons.INVALID_JSON);
    assertThat(letter.raw()).isEqualTo("{\"kind\": nope}");
    assertThat(letter.detail()).contains("column");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "42", "\"a string\"", "true", "null", "[]"})
  void nonObjectsAreNotAnObject(String raw) {
    dead(raw, Reasons.NOT_AN_OBJECT);
  }

  @Test
  void recordsOverOneMebibyteAreTooLargeAndRawIsCut() {
    String big = "{\"kind\":\"log\",\"message\":\"" + "x".repeat(RecordParser.MAX_RECORD_BYTES) + "\"}";
    DeadLetter letter = dead(big, Reasons.TOO_LARGE);
    assertThat(letter.raw()).hasSize(DeadLetter.MAX_RAW);
  }

  @Test
  void sizeLimitCountsUtf8BytesNotChars() {
    String padding = "\u00e9".repeat(RecordParser.MAX_RECORD_BYTES / 2);
    dead(log("message", "\"" + padding + "\""), Reasons.TOO_LARGE);
    String fits = "\u00e9".repeat(RecordParser.MAX_RECORD_BYTES / 2 - 100);
    assertThat(event(log("message", "\"" + fits + "\"")).message()).isEqualTo(fits);
    assertThat(RecordParser.exceedsMaxBytes("\uD83D\uDE00".repeat(RecordParser.MAX_RECORD_BYTES / 4)))
        .isFalse();
    assertThat(RecordParser.exceedsMaxBytes("\uD83D\uDE00".repeat(RecordParser.MAX_RECORD_BYTES / 4) + "a"))
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "kind|", "kind|null", "kind|\"\"", "kind|\"   \"",
      "provider|", "provider|null", "provider|\"\"", "provider|\" \"",
      "service|", "service|null", "service|\"\"",
      "time|", "time|null", "time|\"\"",
      "message|", "message|null"})
  void missingOrBlankRequiredFieldsAreMissingField(String field, String json) {
    assertThat(dead(log(field, json), Reasons.MISSING_FIELD).detail()).contains('"' + field + '"');
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "kind|3", "kind|true", "kind|{\"a\":1}", "provider|42", "provider|[\"aws\"]",
      "service|false", "region|5", "region|{}", "resource|1.5", "message|17", "message|[]"})
  void wrongTypesAreInvalidField(String field, String json) {
    String raw = field.equals("resource")
        ? log("region", "\"eu\"").replace("\"region\"", "\"resource\":" + json + ",\"region\"")
        : log(field, json);
    assertThat(dead(raw, Reasons.INVALID_FIELD).detail()).contains('"' + field + '"');
  }

  @Test
  void invalidFieldDetailIsReadable() {
    assertThat(dead(log("provider", "42"), Reasons.INVALID_FIELD).detail())
        .isEqualTo("field \"provider\" must be a string, got 42");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"yesterday\"", "\"2026-03-03T00:00:00\"", "\"2026-02-30T00:00:00Z\"",
      "-1", "1.5", "1772496000086.0", "253402300800000", "99999999999999999999", "true", "{}",
      "[1]", "\"1772496000086\"", "\"1969-12-31T23:59:59Z\""})
  void unparsableTimeIsInvalidTime(String json) {
    assertThat(dead(metric("time", json), Reasons.INVALID_TIME).detail()).contains("time");
  }

  @Test
  void timeWithoutZoneSaysSo() {
    assertThat(dead(metric("time", "\"2026-03-03T00:00:00\""), Reasons.INVALID_TIME).detail())
        .contains("no zone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"trace\"", "\"event\"", "\"METRICS\""})
  void unknownKindIsUnknownKind(String json) {
    assertThat(dead(log("kind", json), Reasons.UNKNOWN_KIND).detail()).contains(json);
  }

  @Test
  void metricWithoutMetricsIsMissingField() {
    dead(metric("metrics", null), Reasons.MISSING_FIELD);
    dead(metric("metrics", "null"), Reasons.MISSING_FIELD);
    assertThat(dead(metric("metrics", "{}"), Reasons.MISSING_FIELD).detail()).contains("empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "5", "\"cpu\"", "true"})
  void nonObjectMetricsIsInvalidField(String json) {
    assertThat(dead(metric("metrics", json), Reasons.INVALID_FIELD).detail()).contains("metrics");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"cpu_util\":\"abc\"}|metric \"cpu_util\" is not a finite number: \"abc\"",
      "{\"ok\":1,\"cpu_util\":null}|metric \"cpu_util\" is not a finite number: null",
      "{\"cpu_util\":true}|metric \"cpu_util\" is not a finite number: true",
      "{\"cpu_util\":{\"v\":1}}|metric \"cpu_util\" is not a finite number: an object",
      "{\"cpu_util\":[1]}|metric \"cpu_util\" is not a finite number: an array",
      "{\"cpu_util\":NaN}|metric \"cpu_util\" is not a finite number: NaN",
      "{\"cpu_util\":Infinity}|metric \"cpu_util\" is not a finite number: Infinity",
      "{\"cpu_util\":-Infinity}|metric \"cpu_util\" is not a finite number: -Infinity",
      "{\"cpu_util\":1e400}|metric \"cpu_util\" is not a finite number: 1e400",
      "{\"cpu_util\":-1e400,\"mem\":\"x\"}|metric \"cpu_util\" is not a finite number: -1e400",
      "{\"\":1}|metric \"\" has an empty name"})
  void badMetricValuesAreInvalidMetricNamingTheMetric(String metrics, String detail) {
    assertThat(dead(metric("metrics", metrics), Reasons.INVALID_METRIC).detail()).isEqualTo(detail);
  }

  @Test
  void largeButFiniteNumbersAreAccepted() {
    TelemetryEvent e = event(metric("metrics", "{\"big\":123456789012345678901234567890,\"neg\":-1e300}"));
    assertThat(e.metricValues()).containsExactly(1.2345678901234568e29, -1e300);
  }

  @Test
  void deadLetterRawIsCutToOneKibibyte() {
    String raw = log("message", "\"" + "y".repeat(5000) + "\"").replace("\"log\"", "\"nope\"");
    DeadLetter letter = dead(raw, Reasons.UNKNOWN_KIND);
    assertThat(letter.raw()).hasSize(DeadLetter.MAX_RAW).isEqualTo(raw.substring(0, DeadLetter.MAX_RAW));
  }

  @Test
  void parserRecoversAfterEveryKindOfFailure() {
    dead("{", Reasons.INVALID_JSON);
    dead(metric("metrics", "{\"a\":\"b\"}"), Reasons.INVALID_METRIC);
    dead("[]", Reasons.NOT_AN_OBJECT);
    TelemetryEvent e = event(METRIC_EXAMPLE);
    assertThat(e.metricNames()).containsExactly("cpu_util", "latency_p99_ms", "error_rate");
    assertThat(event(LOG_EXAMPLE).severity()).isEqualTo(Severity.ERROR);
  }
}
