package dev.stormwatch.feedback;

import dev.stormwatch.FileInputs;
import dev.stormwatch.StormwatchPipeline;
import dev.stormwatch.Uids;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.source.EventTimes;
import dev.stormwatch.source.KafkaInput;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds the operator-feedback branch: feedback files and/or a Kafka topic (event time from the
 * record's {@code time}, with watermark idleness so an empty topic never stalls alerts), parsed
 * (bad lines become dead letters) and resolved to (provider, service) by the {@link KeyDirectory}
 * from the dedup keys the scored windows produce.
 */
public final class FeedbackStreams {
  private FeedbackStreams() {}

  /** The updates the alert operator learns from, and the feedback's dead letters (null if none). */
  public record Wired(DataStream<FeedbackUpdate> updates, DataStream<DeadLetter> deadLetters) {}

  /** True when the configuration names a feedback file or topic. */
  public static boolean configured(JobConfig cfg) {
    return !cfg.feedbackFiles.isEmpty() || !cfg.feedbackTopic.isEmpty();
  }

  public static Wired wire(JobConfig cfg, DataStream<DetectionResult> scored) {
    if (!configured(cfg)) {
      DataStream<FeedbackUpdate> none = scored
          .flatMap(new NoFeedback(), TypeInformation.of(FeedbackUpdate.class))
          .uid(Uids.FEEDBACK_NONE)
          .name("no feedback configured");
      return new Wired(none, null);
    }
    StreamExecutionEnvironment env = scored.getExecutionEnvironment();
    DataStream<Feedback> feedback = null;
    DataStream<DeadLetter> dead = null;
    if (!cfg.feedbackFiles.isEmpty()) {
      SingleOutputStreamOperator<Feedback> parsed = FileInputs.source(env, cfg.feedbackFiles, Uids.FEEDBACK_FILE_SOURCE, null)
          .process(new ParseFeedback("feedback files"))
          .uid(Uids.FEEDBACK_PARSE_FILES)
          .name("parse feedback files");
      dead = parsed.getSideOutput(ParseFeedback.DEAD_LETTERS);
      feedback = parsed
          .assignTimestampsAndWatermarks(StormwatchPipeline.watermarks(cfg, (f, ts) -> f.timeMillis))
          .uid(Uids.FEEDBACK_FILE_WATERMARKS)
          .name("event time feedback files");
    }
    if (!cfg.feedbackTopic.isEmpty()) {
      SingleOutputStreamOperator<Feedback> parsed = env.fromSource(
              KafkaInput.source(cfg.kafkaBootstrap, List.of(cfg.feedbackTopic), cfg.consumerGroup,
                  cfg.startingOffsets, cfg.kafkaBounded),
              StormwatchPipeline.<String>watermarks(cfg, (raw, ts) -> EventTimes.extract(raw)),
              "feedback topic " + cfg.feedbackTopic)
          .uid(Uids.FEEDBACK_KAFKA_SOURCE)
          .process(new ParseFeedback(cfg.feedbackTopic))
          .uid(Uids.FEEDBACK_PARSE_KAFKA)
          .name("parse feedback topic");
      DataStream<DeadLetter> d = parsed.getSideOutput(ParseFeedback.DEAD_LETTERS);
      dead = dead == null ? d : dead.union(d);
      feedback = feedback == null ? parsed : feedback.union(parsed);
    }
    DataStream<KeySeen> seen = scored
        .flatMap(new FirstSightOfKeys())
        .uid(Uids.FEEDBACK_KEYS_SEEN)
        .name("dedup keys seen");
    SingleOutputStreamOperator<FeedbackUpdate> updates = seen
        .keyBy(k -> k.dedupKey)
        .connect(feedback.keyBy(f -> f.dedupKey))
        .process(new KeyDirectory(cfg.feedbackHold.toMillis()))
        .uid(Uids.FEEDBACK_DIRECTORY)
        .name("resolve feedback dedup keys");
    return new Wired(updates, dead.union(updates.getSideOutput(KeyDirectory.UNKNOWN)));
  }
}
