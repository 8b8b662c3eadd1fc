package dev.stormwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.sink.JsonCodec;
import dev.stormwatch.testing.EmbeddedKafka;
import dev.stormwatch.testing.TelemetryWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job against a real Kafka broker: telemetry in on a 3-partition topic, learning from
 * the stream itself (no warm-up file), alerts and dead letters out on their own topics.
 */
class StormwatchKafkaITCase {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void detectsTheIncidentFromKafkaAndPublishesKeyedAlertsAndDeadLetters(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("telemetry.jsonl");
    new TelemetryWriter(START, 5).write(file, 0, 900, 0, 800, 830);
    List<String[]> records = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode n = JsonCodec.mapper().readTree(line);
      records.add(new String[] {n.get("provider").asText() + "/" + n.get("service").asText(), line});
    }
    records.add(new String[] {"junk", "{\"kind\":\"metric\",\"time\":\"yesterday\",\"provider\":\"aws\",\"service\":\"payments\",\"metrics\":{\"cpu_util\":0.5}}"});
    records.add(new String[] {"junk", null});
    kafka.createTopic("telemetry", 3);
    kafka.produce("telemetry", records);

    JobConfig cfg = new JobConfig();
    cfg.kafkaBootstrap = kafka.bootstrap();
    cfg.inputTopics = List.of("telemetry");
    cfg.startingOffsets = "earliest";
    cfg.kafkaBounded = true;
    cfg.consumerGroup = "stormwatch-it";
    cfg.alertsTopic = "alerts";
    cfg.deadLetterTopic = "dead-letters";
    cfg.parallelism = 2;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StormwatchJob.build(env, cfg.validate());
    env.execute("stormwatch-kafka-it");

    List<ConsumerRecord<String, String>> alerts = kafka.readAll("alerts", Duration.ofSeconds(3));
    assertThat(alerts).hasSize(2);
    List<JsonNode> events = new ArrayList<>();
    for (ConsumerRecord<String, String> r : alerts) {
      JsonNode a = JsonCodec.mapper().readTree(r.value());
      assertThat(r.key()).isEqualTo(a.get("dedup_key").asText());
      events.add(a);
    }
    assertThat(events).extracting(a -> a.get("status").asText()).containsExactly("firing", "resolved");
    assertThat(events).allSatisfy(a -> assertThat(a.get("service").asText()).isEqualTo("payments"));
    assertThat(Instant.parse(events.get(0).get("event_time").asText()))
        .isBetween(START.plusSeconds(800 * 60), START.plusSeconds(806 * 60));

    List<ConsumerRecord<String, String>> dead = kafka.readAll("dead-letters", Duration.ofSeconds(2));
    List<String> reasons = new ArrayList<>();
    for (ConsumerRecord<String, String> r : dead) {
      reasons.add(JsonCodec.mapper().readTree(r.value()).get("reason").asText());
    }
    assertThat(reasons).containsExactlyInAnyOrder("invalid_time", "not_an_object");
  }
}
