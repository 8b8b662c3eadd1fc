package dev.stormwatch;

import dev.stormwatch.config.JobConfig;
import dev.stormwatch.sink.KafkaOutput;
import dev.stormwatch.source.EventTimes;
import dev.stormwatch.source.KafkaInput;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Connects the job to Kafka: the telemetry source (event time and watermarks tracked per
 * partition, so a partition that lags does not make another's records late) and the alert and
 * dead-letter sinks. Alerts are
 * keyed by their dedup key so that one incident's events stay ordered in one partition; delivery
 * is at-least-once, made idempotent downstream by the dedup key.
 */
final class KafkaWiring {
  private KafkaWiring() {}

  static DataStream<String> source(StreamExecutionEnvironment env, JobConfig cfg) {
    long maxFuture = cfg.maxFuture.toMillis();
    return env.fromSource(
            KafkaInput.source(cfg.kafkaBootstrap, cfg.inputTopics, cfg.consumerGroup,
                cfg.startingOffsets, cfg.kafkaBounded),
            StormwatchPipeline.<String>watermarks(cfg, (raw, ts) -> EventTimes.extract(raw, maxFuture)),
            "kafka " + String.join(",", cfg.inputTopics))
        .uid(Uids.KAFKA_SOURCE);
  }

  static void sinks(JobConfig cfg, DataStream<String> alerts, DataStream<String> deadLetters) {
    if (!cfg.alertsTopic.isEmpty()) {
      alerts.sinkTo(KafkaOutput.sink(cfg.kafkaBootstrap, cfg.alertsTopic,
              DeliveryGuarantee.AT_LEAST_ONCE, null, KafkaOutput.alertKey()))
          .uid(Uids.ALERTS_KAFKA).name("alerts topic " + cfg.alertsTopic);
    }
    if (!cfg.deadLetterTopic.isEmpty()) {
      deadLetters.sinkTo(KafkaOutput.sink(cfg.kafkaBootstrap, cfg.deadLetterTopic,
              DeliveryGuarantee.AT_LEAST_ONCE, null))
          .uid(Uids.DEAD_LETTERS_KAFKA).name("dead-letter topic " + cfg.deadLetterTopic);
    }
  }
}
