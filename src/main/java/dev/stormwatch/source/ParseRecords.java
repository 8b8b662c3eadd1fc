package dev.stormwatch.source;

import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.event.TelemetryEvent;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses raw JSON Lines records into events; rejected records go to the {@link #DEAD_LETTERS}
 * side output, and in/valid/dead counts are kept as Flink metrics and as job accumulators.
 */
public class ParseRecords extends ProcessFunction<String, TelemetryEvent> {

  private static final long serialVersionUID = 1L;

  /** Side output of the records that could not be used. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  /** Metric and accumulator name: non-blank records seen. */
  public static final String RECORDS_IN = "records_in";

  /** Metric and accumulator name: records that became events. */
  public static final String RECORDS_VALID = "records_valid";

  /** Metric and accumulator name: records sent to the dead-letter side output. */
  public static final String DEAD_LETTER_COUNT = "dead_letters";

  private final String origin;
  private final boolean warmup;
  private final long maxFutureMillis;

  private transient RecordParser parser;
  private transient Counter inMetric;
  private transient Counter validMetric;
  private transient Counter deadMetric;
  private transient LongCounter inTotal;
  private transient LongCounter validTotal;
  private transient LongCounter deadTotal;

  /** Records up to {@link FutureTimes#DEFAULT_MAX_FUTURE} ahead of the clock. */
  public ParseRecords(String origin, boolean warmup) {
    this(origin, warmup, FutureTimes.DEFAULT_MAX_FUTURE.toMillis());
  }

  /**
   * @param origin the label copied into dead letters (file path or Kafka topic)
   * @param warmup whether emitted events are warm-up history ({@link TelemetryEvent#asWarmup()})
   * @param maxFutureMillis how far ahead of this machine's clock a record may be (0: any)
   */
  public ParseRecords(String origin, boolean warmup, long maxFutureMillis) {
    this.origin = origin == null ? "" : origin;
    this.warmup = warmup;
    this.maxFutureMillis = maxFutureMillis;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    parser = new RecordParser();
    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    inMetric = metrics.counter(RECORDS_IN);
    validMetric = metrics.counter(RECORDS_VALID);
    deadMetric = metrics.counter(DEAD_LETTER_COUNT);
    // getLongCounter registers the accumulator or reuses one that a chained instance registered
    inTotal = getRuntimeContext().getLongCounter(RECORDS_IN);
    validTotal = getRuntimeContext().getLongCounter(RECORDS_VALID);
    deadTotal = getRuntimeContext().getLongCounter(DEAD_LETTER_COUNT);
  }

  @Override
  public void processElement(String raw, Context ctx, Collector<TelemetryEvent> out) {
    ParseResult result = parser.parse(raw, origin);
    if (result.isSkip()) {
      return;
    }
    inMetric.inc();
    inTotal.add(1L);
    if (result.isEvent() && FutureTimes.tooFarAhead(result.event().timeMillis(), maxFutureMillis)) {
      result = ParseResult.ofDeadLetter(DeadLetter.of(DeadLetter.Reasons.FUTURE_TIME,
          FutureTimes.describe(result.event().timeMillis(), maxFutureMillis), raw, origin));
    }
    if (result.isEvent()) {
      validMetric.inc();
      validTotal.add(1L);
      TelemetryEvent event = result.event();
      out.collect(warmup ? event.asWarmup() : event);
    } else {
      deadMetric.inc();
      deadTotal.add(1L);
      ctx.output(DEAD_LETTERS, result.deadLetter());
    }
  }
}
