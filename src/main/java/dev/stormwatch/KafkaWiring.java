package dev.stormwatch;

import dev.stormwatch.config.JobConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Connects the job to Kafka: the telemetry source and the alert and dead-letter sinks. */
final class KafkaWiring {
  private KafkaWiring() {}

  static DataStream<String> source(StreamExecutionEnvironment env, JobConfig cfg) {
    throw new UnsupportedOperationException("Kafka input is wired in once the connector lands");
  }

  static void sinks(JobConfig cfg, DataStream<String> alerts, DataStream<String> deadLetters) {
    if (!cfg.alertsTopic.isEmpty() || !cfg.deadLetterTopic.isEmpty()) {
      throw new UnsupportedOperationException("Kafka output is wired in once the connector lands");
    }
  }
}
