package dev.stormwatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.event.DeadLetter.Reasons;
import dev.stormwatch.event.Keys;
import dev.stormwatch.event.TelemetryEvent;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ParseRecordsTest {

  private static final String TOPIC = "telemetry.raw";

  private static OneInputStreamOperatorTestHarness<String, TelemetryEvent> harness(boolean warmup)
      throws Exception {
    return ProcessFunctionTestHarnesses.forProcessFunction(new ParseRecords(TOPIC, warmup));
  }

  private static void feed(OneInputStreamOperatorTestHarness<String, TelemetryEvent> harness)
      throws Exception {
    long ts = 1L;
    for (String raw : List.of(RecordParserTest.METRIC_EXAMPLE, "   ", "{broken",
        RecordParserTest.LOG_EXAMPLE, "", "[1]",
        RecordParserTest.METRIC_EXAMPLE.replace("\"metric\"", "\"span\""))) {
      harness.processElement(raw, ts++);
    }
  }

  private static List<DeadLetter> deadLetters(
      OneInputStreamOperatorTestHarness<String, TelemetryEvent> harness) {
    return harness.getSideOutput(ParseRecords.DEAD_LETTERS).stream()
        .map(StreamRecord::getValue)
        .toList();
  }

  private static long accumulator(
      OneInputStreamOperatorTestHarness<String, TelemetryEvent> harness, String name) {
    Map<String, Accumulator<?, ?>> accumulators =
        harness.getEnvironment().getAccumulatorRegistry().getUserMap();
    assertThat(accumulators).containsKey(name);
    return (Long) accumulators.get(name).getLocalValue();
  }

  @Test
  void validRecordsGoToMainOutputAndRejectsToTheSideOutput() throws Exception {
    try (var harness = harness(false)) {
      feed(harness);

      List<TelemetryEvent> events = harness.extractOutputValues();
      assertThat(events).extracting(TelemetryEvent::kind)
          .containsExactly(TelemetryEvent.Kind.METRIC, TelemetryEvent.Kind.LOG);
      assertThat(events).extracting(e -> Keys.display(e.key())).containsExactly("aws/payments", "gcp/search");
      assertThat(events).noneMatch(TelemetryEvent::warmup);
      assertThat(harness.extractOutputStreamRecords())
          .extracting(StreamRecord::getTimestamp)
          .containsExactly(1L, 4L);

      List<DeadLetter> dead = deadLetters(harness);
      assertThat(dead).extracting(DeadLetter::reason)
          .containsExactly(Reasons.INVALID_JSON, Reasons.NOT_AN_OBJECT, Reasons.UNKNOWN_KIND);
      assertThat(dead).extracting(DeadLetter::origin).containsOnly(TOPIC);
      assertThat(dead.get(0).raw()).isEqualTo("{broken");
    }
  }

  @Test
  void countsExcludeBlankLines() throws Exception {
    try (var harness = harness(false)) {
      feed(harness);
      feed(harness);

      assertThat(accumulator(harness, ParseRecords.RECORDS_IN)).isEqualTo(10L);
      assertThat(accumulator(harness, ParseRecords.RECORDS_VALID)).isEqualTo(4L);
      assertThat(accumulator(harness, ParseRecords.DEAD_LETTER_COUNT)).isEqualTo(6L);
    }
  }

  @Test
  void warmupInstanceFlagsEveryEvent() throws Exception {
    try (var harness = harness(true)) {
      feed(harness);

      assertThat(harness.extractOutputValues()).hasSize(2).allMatch(TelemetryEvent::warmup);
      assertThat(deadLetters(harness)).hasSize(3);
    }
  }

  @Test
  void aRecordFarAheadOfTheClockIsADeadLetterAndNeverAnEvent() throws Exception {
    java.time.Instant clock = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String now = clock.toString();
    String inADay = clock.plus(java.time.Duration.ofDays(1)).toString();
    String inAMinute = clock.plusSeconds(60).toString();
    String farAhead = RecordParserTest.METRIC_EXAMPLE.replace("2026-03-03T00:00:00.086Z", "2099-01-01T00:00:00Z");
    try (var harness = harness(false)) {
      for (String time : List.of(now, inADay, inAMinute)) {
        harness.processElement(RecordParserTest.METRIC_EXAMPLE.replace("2026-03-03T00:00:00.086Z", time), 1L);
      }
      harness.processElement(farAhead, 2L);
      assertThat(harness.extractOutputValues()).hasSize(2);
      List<DeadLetter> dead = deadLetters(harness);
      assertThat(dead).extracting(DeadLetter::reason).containsExactly(Reasons.FUTURE_TIME, Reasons.FUTURE_TIME);
      assertThat(dead.get(0).detail()).contains(inADay + " is 24 h ahead of this machine's clock")
          .contains("10 min ahead (window.max-future)");
      assertThat(dead.get(1).detail()).contains("2099-01-01T00:00:00Z").contains(" days ahead");
      assertThat(dead.get(1).raw()).isEqualTo(farAhead);
      assertThat(accumulator(harness, ParseRecords.RECORDS_VALID)).isEqualTo(2L);
      assertThat(accumulator(harness, ParseRecords.DEAD_LETTER_COUNT)).isEqualTo(2L);
    }
    try (var any = ProcessFunctionTestHarnesses.forProcessFunction(new ParseRecords(TOPIC, false, 0))) {
      any.processElement(farAhead, 1L);
      assertThat(any.extractOutputValues()).as("0 accepts any time").hasSize(1);
    }
    assertThat(EventTimes.extract(farAhead, FutureTimes.DEFAULT_MAX_FUTURE.toMillis()))
        .as("and it does not move a Kafka partition's watermark").isEqualTo(Long.MIN_VALUE);
    assertThat(EventTimes.extract(farAhead, 0)).isEqualTo(EventTimes.extract(farAhead));
    assertThat(EventTimes.extract(RecordParserTest.METRIC_EXAMPLE, FutureTimes.DEFAULT_MAX_FUTURE.toMillis()))
        .isEqualTo(java.time.Instant.parse("2026-03-03T00:00:00.086Z").toEpochMilli());
  }

  @Test
  void functionSurvivesJavaSerializationLikeFlinkShipsIt() throws Exception {
    ParseRecords original = new ParseRecords(TOPIC, true);
    byte[] bytes = org.apache.flink.util.InstantiationUtil.serializeObject(original);
    ParseRecords copy =
        org.apache.flink.util.InstantiationUtil.deserializeObject(bytes, getClass().getClassLoader());
    try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(copy)) {
      harness.processElement(RecordParserTest.LOG_EXAMPLE, 5L);
      assertThat(harness.extractOutputValues()).singleElement()
          .matches(TelemetryEvent::warmup)
          .extracting(TelemetryEvent::service).isEqualTo("search");
    }
  }
}
