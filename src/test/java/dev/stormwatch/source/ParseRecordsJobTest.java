package dev.stormwatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.event.TelemetryEvent;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/** A bounded embedded job: the accumulators of two parse operators reach the job result. */
class ParseRecordsJobTest {

  @Test
  void boundedRunReportsSummedCountsInTheJobResult() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<String> history = List.of(RecordParserTest.METRIC_EXAMPLE, RecordParserTest.LOG_EXAMPLE, "");
    List<String> live = List.of(RecordParserTest.LOG_EXAMPLE, "{oops", "[]", "  ",
        RecordParserTest.METRIC_EXAMPLE, RecordParserTest.METRIC_EXAMPLE);
    parse(env, history, "history.jsonl", true);
    parse(env, live, "telemetry", false);

    JobExecutionResult result = env.execute("parse-records-accumulators");

    assertThat(result.<Long>getAccumulatorResult(ParseRecords.RECORDS_IN)).isEqualTo(7L);
    assertThat(result.<Long>getAccumulatorResult(ParseRecords.RECORDS_VALID)).isEqualTo(5L);
    assertThat(result.<Long>getAccumulatorResult(ParseRecords.DEAD_LETTER_COUNT)).isEqualTo(2L);
  }

  private static void parse(
      StreamExecutionEnvironment env, List<String> lines, String origin, boolean warmup) {
    SingleOutputStreamOperator<TelemetryEvent> events =
        env.fromData(lines, Types.STRING).process(new ParseRecords(origin, warmup));
    events.sinkTo(new DiscardingSink<>());
    events.getSideOutput(ParseRecords.DEAD_LETTERS).sinkTo(new DiscardingSink<DeadLetter>());
  }
}
