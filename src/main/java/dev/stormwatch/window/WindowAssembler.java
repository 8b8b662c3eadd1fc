package dev.stormwatch.window;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.BaselineModel;
import dev.stormwatch.detect.novelty.NoveltyMemory;
import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.event.Keys;
import dev.stormwatch.event.TelemetryEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per (provider, service): pre-aggregates records into one pane per slide, and when the watermark
 * passes a pane's end teaches the key's baseline with it and emits the sliding window of the last
 * panes. Records for a pane that is already closed go to the dead-letter output as {@code late}.
 *
 * <p>State: the open panes (by pane start; a pane is removed once it slides out of the window;
 * windows read their panes by point lookups, so panes buffered ahead of the watermark cost nothing),
 * the key's {@link BaselineModel}, the event time of its last record, and the time of its
 * retention check; after the configured retention without records all of it is cleared.
 */
public class WindowAssembler extends KeyedProcessFunction<String, TelemetryEvent, WindowAssembly> {
  private static final long serialVersionUID = 1L;

  /** Late records and metrics over the per-key limit, as dead letters. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("window-dead-letters", TypeInformation.of(DeadLetter.class));

  public static final String LATE_COUNTER = "late_records";
  /** Records with metrics beyond the names a key keeps per window step ({@code maxMetrics}). */
  public static final String OVER_LIMIT_COUNTER = "records_over_limit";

  private final long stepMillis;
  private final int steps;
  private final long latenessMillis;
  private final long retentionMillis;
  private final BaselineConfig baselineConfig;
  private final boolean trackNovelty;

  private transient WindowBuilder builder;
  private transient MapState<Long, Pane> panes;
  private transient ValueState<BaselineModel> model;
  private transient ValueState<byte[]> novelty;
  private transient ValueState<Long> lastSeen;
  private transient ValueState<Long> cleanupAt;
  private transient LongCounter lateAccumulator;
  private transient Counter lateCounter;
  private transient LongCounter overLimitAccumulator;
  private transient Counter overLimitCounter;

  /**
   * @param stepMillis slide (pane length)
   * @param steps window length in slides
   * @param latenessMillis how long a pane stays open after the watermark passes its end
   * @param retentionMillis event time without records after which a key's state is dropped; must
   *     exceed the window length
   */
  public WindowAssembler(
      long stepMillis, int steps, long latenessMillis, long retentionMillis,
      BaselineConfig baselineConfig) {
    this(stepMillis, steps, latenessMillis, retentionMillis, baselineConfig, false);
  }

  /**
   * As above; with {@code trackNovelty} each key's {@link NoveltyMemory} is kept in state and
   * annotates its windows (for detectors that {@link dev.stormwatch.detect.Detector#readsNovelty
   * read novelty}).
   */
  public WindowAssembler(
      long stepMillis, int steps, long latenessMillis, long retentionMillis,
      BaselineConfig baselineConfig, boolean trackNovelty) {
    if (retentionMillis <= stepMillis * steps) {
      throw new IllegalArgumentException("key retention must be longer than the window");
    }
    this.stepMillis = stepMillis;
    this.steps = steps;
    this.latenessMillis = latenessMillis;
    this.retentionMillis = retentionMillis;
    this.baselineConfig = baselineConfig;
    this.trackNovelty = trackNovelty;
  }

  @Override
  public void open(OpenContext openContext) {
    builder = new WindowBuilder(stepMillis, steps);
    panes = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("panes", Types.LONG, TypeInformation.of(Pane.class)));
    model = getRuntimeContext().getState(
        new ValueStateDescriptor<>("baseline", TypeInformation.of(BaselineModel.class)));
    novelty = getRuntimeContext().getState(
        new ValueStateDescriptor<>("novelty", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    lastSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("last-seen", Types.LONG));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
    lateAccumulator = new LongCounter();
    getRuntimeContext().addAccumulator(LATE_COUNTER, lateAccumulator);
    lateCounter = getRuntimeContext().getMetricGroup().counter(LATE_COUNTER);
    overLimitAccumulator = new LongCounter();
    getRuntimeContext().addAccumulator(OVER_LIMIT_COUNTER, overLimitAccumulator);
    overLimitCounter = getRuntimeContext().getMetricGroup().counter(OVER_LIMIT_COUNTER);
  }

  @Override
  public void processElement(TelemetryEvent e, Context ctx, Collector<WindowAssembly> out)
      throws Exception {
    long paneStart = builder.paneStart(e.timeMillis());
    long closeAt = paneStart + stepMillis + latenessMillis;
    long watermark = ctx.timerService().currentWatermark();
    if (closeAt <= watermark) {
      lateAccumulator.add(1);
      lateCounter.inc();
      ctx.output(DEAD_LETTERS, DeadLetter.of(DeadLetter.Reasons.LATE,
          "event time " + Instant.ofEpochMilli(e.timeMillis()) + " of "
              + Keys.display(e.key()) + " arrived after the watermark " + Instant.ofEpochMilli(watermark)
              + " had closed its window pane (allowed lateness " + latenessMillis + " ms)",
          RecordJson.describe(e), "window"));
      return;
    }
    Pane pane = panes.get(paneStart);
    if (pane == null) {
      pane = new Pane(paneStart);
      ctx.timerService().registerEventTimeTimer(closeAt);
    }
    int[] dropped = pane.add(e,
        e.kind() == TelemetryEvent.Kind.LOG ? LogTemplates.mask(e.message()) : null,
        baselineConfig.maxMetrics);
    panes.put(paneStart, pane);
    if (dropped.length > 0) {
      overLimit(e, dropped, ctx);
    }
    Long seen = lastSeen.value();
    if (seen == null || e.timeMillis() > seen) {
      lastSeen.update(e.timeMillis());
    }
    if (cleanupAt.value() == null) {
      long at = e.timeMillis() + retentionMillis;
      ctx.timerService().registerEventTimeTimer(at);
      cleanupAt.update(at);
    }
  }

  /** One dead letter with the record's metrics that did not fit, rendered as a record of their own. */
  private void overLimit(TelemetryEvent e, int[] dropped, Context ctx) {
    overLimitAccumulator.add(1);
    overLimitCounter.inc();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < Math.min(dropped.length, 5); i++) {
      names.append(i == 0 ? "" : ", ").append('"').append(e.metricNames()[dropped[i]]).append('"');
    }
    ctx.output(DEAD_LETTERS, DeadLetter.of(DeadLetter.Reasons.OVER_LIMIT,
        dropped.length + " of the record's " + e.metricNames().length + " metrics (" + names
            + (dropped.length > 5 ? ", ..." : "") + ") were not used: a key keeps at most "
            + baselineConfig.maxMetrics + " metric names per window step (window.max-metrics), and the step of "
            + Keys.display(e.key()) + " starting " + Instant.ofEpochMilli(builder.paneStart(e.timeMillis()))
            + " was full; the record's other metrics were used",
        RecordJson.describe(e, dropped), "window"));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowAssembly> out)
      throws Exception {
    Long cleanup = cleanupAt.value();
    if (cleanup != null && cleanup == timestamp) {
      long seen = lastSeen.value();
      if (seen + retentionMillis <= timestamp) {
        model.clear();
        novelty.clear();
        lastSeen.clear();
        cleanupAt.clear();
        panes.clear();
        return;
      }
      ctx.timerService().registerEventTimeTimer(seen + retentionMillis);
      cleanupAt.update(seen + retentionMillis);
    }
    long paneEnd = timestamp - latenessMillis;
    if (Math.floorMod(paneEnd, stepMillis) == 0) {
      closePane(paneEnd, ctx, out);
    }
  }

  private void closePane(long paneEnd, OnTimerContext ctx, Collector<WindowAssembly> out)
      throws Exception {
    long closedStart = paneEnd - stepMillis;
    Pane closed = panes.get(closedStart);
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    if (closed == null && endOfInput) {
      return; // no trailing windows of silence past the end of a bounded input
    }
    long windowStart = paneEnd - stepMillis * steps;
    Map<Long, Pane> window = new HashMap<>();
    boolean dataAfterFirst = false;
    for (int t = 0; t < steps; t++) {
      long start = windowStart + t * stepMillis;
      Pane p = start == closedStart ? closed : panes.get(start);
      if (p != null) {
        window.put(start, p);
        dataAfterFirst |= t > 0;
      }
    }
    if (window.isEmpty()) {
      return;
    }
    BaselineModel m = model.value();
    if (m == null) {
      m = new BaselineModel();
    }
    if (closed != null) {
      m.learn(closed, baselineConfig);
    }
    String key = ctx.getCurrentKey();
    WindowAssembly w = builder.build(Keys.provider(key), Keys.service(key), paneEnd, window);
    m.annotate(w, baselineConfig);
    NoveltyMemory memory = trackNovelty ? NoveltyMemory.fromBytes(novelty.value(), baselineConfig.maxMetrics) : null;
    if (memory != null) {
      memory.annotate(w);
    }
    out.collect(w);
    if (closed != null) {
      model.update(m);
      if (memory != null) {
        novelty.update(memory.toBytes());
      }
    }
    panes.remove(windowStart);
    // keep sliding while later windows still hold data, so that a key that goes silent is seen
    if (dataAfterFirst && !panes.contains(paneEnd) && !endOfInput) {
      ctx.timerService().registerEventTimeTimer(paneEnd + stepMillis + latenessMillis);
    }
  }
}
