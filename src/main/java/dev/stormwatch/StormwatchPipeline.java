package dev.stormwatch;

import dev.stormwatch.alert.AlertLifecycle;
import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.AsyncDetectFunction;
import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.DetectorFactory;
import dev.stormwatch.detect.Detectors;
import dev.stormwatch.detect.KeepWindowsActive;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.feedback.FeedbackStreams;
import dev.stormwatch.source.ParseRecords;
import dev.stormwatch.window.WindowAssembler;
import dev.stormwatch.window.WindowAssembly;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The detection topology, independent of where records come from and go to: raw JSON lines are
 * parsed (bad ones become dead letters), stamped with event time, keyed by (provider, service),
 * windowed, scored asynchronously and turned into firing/resolved alerts; operator feedback (if
 * configured) reaches the alert operator on its broadcast input.
 */
public final class StormwatchPipeline {
  private StormwatchPipeline() {}

  /** Parsed, event-time-stamped records of one source and that source's dead letters. */
  public record Parsed(DataStream<TelemetryEvent> events, DataStream<DeadLetter> deadLetters) {}

  /**
   * The pipeline's outputs: alerts, the window step's dead letters (late records, metrics over the
   * limit) and rejected feedback (null when no feedback is configured).
   */
  public record Detected(DataStream<AlertEvent> alerts, DataStream<DeadLetter> windowDeadLetters,
      DataStream<DeadLetter> feedbackDeadLetters) {}

  /**
   * Parses one source's raw lines and assigns timestamps and watermarks per source, so that a
   * warm-up history and a live stream do not make each other's records late.
   */
  public static Parsed parse(
      DataStream<String> raw, String origin, boolean warmup, String uid, JobConfig cfg) {
    Parsed parsed = parseStamped(raw, origin, warmup, uid, cfg);
    DataStream<TelemetryEvent> stamped = parsed.events()
        .assignTimestampsAndWatermarks(watermarks(cfg, (e, ts) -> e.timeMillis()))
        .uid(uid + "-" + Uids.WATERMARKS)
        .name("event time " + origin);
    return new Parsed(stamped, parsed.deadLetters());
  }

  /**
   * Parses raw lines that already carry event-time timestamps and watermarks from their source
   * (the Kafka source tracks them per partition); parsed events keep their record's timestamp.
   */
  public static Parsed parseStamped(
      DataStream<String> raw, String origin, boolean warmup, String uid, JobConfig cfg) {
    SingleOutputStreamOperator<TelemetryEvent> parsed = raw
        .process(new ParseRecords(origin, warmup, cfg.maxFuture.toMillis()))
        .uid(uid)
        .name("parse " + origin);
    return new Parsed(parsed, parsed.getSideOutput(ParseRecords.DEAD_LETTERS));
  }

  /** The job's watermark strategy: bounded out-of-orderness with idle-split handling. */
  public static <T> WatermarkStrategy<T> watermarks(
      JobConfig cfg, SerializableTimestampAssigner<T> eventTime) {
    return WatermarkStrategy.<T>forBoundedOutOfOrderness(cfg.maxOutOfOrderness)
        .withTimestampAssigner(eventTime)
        .withIdleness(cfg.idleTimeout);
  }

  /** Windows, scores and alerts the given (already stamped) events. */
  public static Detected detect(
      DataStream<TelemetryEvent> events, JobConfig cfg, DetectorFactory detector,
      BaselineConfig baselineConfig) {
    SingleOutputStreamOperator<WindowAssembly> windows = events
        .keyBy(TelemetryEvent::key)
        .process(new WindowAssembler(
            cfg.windowSlide.toMillis(), cfg.windowSteps(), cfg.allowedLateness.toMillis(),
            cfg.keyRetention.toMillis(), baselineConfig, Detectors.readsNovelty(cfg.detector)))
        .uid(Uids.WINDOWS)
        .name("assemble windows");
    DataStream<WindowAssembly> active = windows
        .transform("keep windows active", TypeInformation.of(WindowAssembly.class),
            new KeepWindowsActive<WindowAssembly>())
        .uid(Uids.KEEP_WINDOWS_ACTIVE)
        .name("keep windows active");
    DataStream<DetectionResult> scored = AsyncDataStream
        .unorderedWait(
            active,
            new AsyncDetectFunction(detector, baselineConfig, cfg.batchSize, cfg.batchMaxDelay.toMillis()),
            cfg.asyncTimeout.toMillis(), TimeUnit.MILLISECONDS, cfg.asyncCapacity)
        .uid(Uids.DETECT)
        .name("detect (" + cfg.detector + ")");
    FeedbackStreams.Wired feedback = FeedbackStreams.wire(cfg, scored);
    DataStream<AlertEvent> alerts = scored
        .keyBy(DetectionResult::key)
        .connect(feedback.updates().broadcast(AlertLifecycle.SERVICE_EVIDENCE))
        .process(new AlertLifecycle(
            new AlertPolicy(cfg.alertThreshold, cfg.raiseAfter, cfg.resolveThreshold, cfg.resolveAfter,
                cfg.decidesOnPosterior()),
            cfg.earlyWarningPolicy(),
            PosteriorCalculator.defaults(),
            cfg.priorIncidentRate, cfg.priorStrength,
            cfg.keyRetention.toMillis(), cfg.feedbackLearning()))
        .uid(Uids.ALERTS)
        .name("alert lifecycle");
    return new Detected(alerts, windows.getSideOutput(WindowAssembler.DEAD_LETTERS), feedback.deadLetters());
  }
}
