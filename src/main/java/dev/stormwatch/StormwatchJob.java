package dev.stormwatch;

import dev.stormwatch.alert.routing.AlertRouting;
import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.Detectors;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.sink.DeliverAlerts;
import dev.stormwatch.sink.DeliveryOperator;
import dev.stormwatch.sink.JsonCodec;
import dev.stormwatch.sink.JsonLinesFileSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the Stormwatch job: parses the typed configuration and builds the topology from
 * the configured sources and sinks (files and/or Kafka). Tests call {@link #build} directly.
 */
public final class StormwatchJob {
  public static final String ALERTS_FILE = "alerts.jsonl";
  public static final String DEAD_LETTER_FILE = "dead-letter.jsonl";
  /** What the router passed to the notification sinks (an audit of pages, not the alert contract). */
  public static final String NOTIFICATIONS_FILE = "notifications.jsonl";

  private StormwatchJob() {}

  public static void main(String[] args) throws Exception {
    JobConfig cfg = ConfigLoader.fromArgs(args).validate();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, cfg);
    env.execute("stormwatch");
  }

  /** Adds the whole job to {@code env}: sources, detection pipeline and sinks from {@code cfg}. */
  public static void build(StreamExecutionEnvironment env, JobConfig cfg) {
    build(env, cfg, null);
  }

  /**
   * As {@link #build(StreamExecutionEnvironment, JobConfig)}, with the delivery endpoints and
   * secrets read from {@code deliveryEnvironment} instead of the task manager's environment (tests,
   * embedded runs; null: the environment).
   */
  public static void build(StreamExecutionEnvironment env, JobConfig cfg, Map<String, String> deliveryEnvironment) {
    Configuration pipeline = new Configuration();
    pipeline.set(PipelineOptions.GENERIC_TYPES, false);
    env.configure(pipeline);
    int configured = env.getConfig().getMaxParallelism();
    env.setMaxParallelism(cfg.maxParallelism > 0 ? cfg.maxParallelism
        : configured > 0 ? configured : JobConfig.DEFAULT_MAX_PARALLELISM);
    if (cfg.parallelism > 0) {
      env.setParallelism(cfg.parallelism);
    }
    BaselineConfig baseline = BaselineConfig.builder()
        .stepMillis(cfg.windowSlide.toMillis()).windowSteps(cfg.windowSteps())
        .maxMetrics(cfg.maxMetrics).build();

    DataStream<dev.stormwatch.event.TelemetryEvent> events = null;
    DataStream<DeadLetter> deadLetters = null;
    Duration fileRescan = FileInputs.rescanInterval(cfg);
    if (!cfg.inputFiles.isEmpty()) {
      StormwatchPipeline.Parsed p = StormwatchPipeline.parse(
          FileInputs.source(env, cfg.inputFiles, Uids.FILE_SOURCE, fileRescan), "files", false,
          Uids.PARSE_FILES, cfg);
      events = p.events();
      deadLetters = p.deadLetters();
    }
    if (!cfg.warmupFiles.isEmpty()) {
      StormwatchPipeline.Parsed p = StormwatchPipeline.parse(
          FileInputs.source(env, cfg.warmupFiles, Uids.WARMUP_SOURCE, fileRescan), "warmup", true,
          Uids.PARSE_WARMUP, cfg);
      events = events == null ? p.events() : events.union(p.events());
      deadLetters = deadLetters == null ? p.deadLetters() : deadLetters.union(p.deadLetters());
    }
    if (!cfg.kafkaBootstrap.isEmpty() && !cfg.inputTopics.isEmpty()) {
      StormwatchPipeline.Parsed p = StormwatchPipeline.parseStamped(
          KafkaWiring.source(env, cfg), "kafka", false, Uids.PARSE_KAFKA, cfg);
      events = events == null ? p.events() : events.union(p.events());
      deadLetters = deadLetters == null ? p.deadLetters() : deadLetters.union(p.deadLetters());
    }
    StormwatchPipeline.Detected detected = StormwatchPipeline.detect(
        events, cfg,
        Detectors.factory(cfg.detector, cfg.modelDir, cfg.inferenceDevice(), baseline), baseline);
    // every lifecycle event goes to alerts.jsonl / Kafka; the router picks what reaches the sinks
    DataStream<AlertEvent> notifications = AlertRouting.notifications(detected.alerts(), cfg.routing);
    DataStream<DeadLetter> undelivered = notifications
        .keyBy(a -> DeliverAlerts.KEY)
        .transform("deliver to PagerDuty / Slack / Alertmanager", TypeInformation.of(DeadLetter.class),
            new DeliveryOperator(new DeliverAlerts(cfg.delivery, deliveryEnvironment)))
        .setParallelism(1)
        .uid(Uids.DELIVERY)
        .name("deliver to PagerDuty / Slack / Alertmanager");
    deadLetters = deadLetters.union(detected.windowDeadLetters(), undelivered);
    if (detected.feedbackDeadLetters() != null) {
      deadLetters = deadLetters.union(detected.feedbackDeadLetters());
    }

    DataStream<String> alertJson = detected.alerts()
        .map(JsonCodec::alert).uid(Uids.ALERTS_JSON).name("alerts to JSON");
    DataStream<String> deadJson = deadLetters
        .map(JsonCodec::deadLetter).uid(Uids.DEAD_LETTERS_JSON).name("dead letters to JSON");
    if (!cfg.outputDir.isEmpty()) {
      alertJson.sinkTo(new JsonLinesFileSink(Path.of(cfg.outputDir, ALERTS_FILE).toString()))
          .setParallelism(1).uid(Uids.ALERTS_FILE).name("alerts file");
      deadJson.sinkTo(new JsonLinesFileSink(Path.of(cfg.outputDir, DEAD_LETTER_FILE).toString()))
          .setParallelism(1).uid(Uids.DEAD_LETTERS_FILE).name("dead-letter file");
      notifications.map(JsonCodec::alert).uid(Uids.NOTIFICATIONS_JSON).name("notifications to JSON")
          .sinkTo(new JsonLinesFileSink(Path.of(cfg.outputDir, NOTIFICATIONS_FILE).toString()))
          .setParallelism(1).uid(Uids.NOTIFICATIONS_FILE).name("notifications file");
    }
    KafkaWiring.sinks(cfg, alertJson, deadJson);
  }
}
