package dev.stormwatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.sink.JsonFieldKey;
import dev.stormwatch.sink.KafkaOutput;
import dev.stormwatch.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kafka in, Flink (MiniCluster, parallelism 2) upper-cases, Kafka out: values, keys and order survive. */
class KafkaConnectorsITCase {

  private static final int PARTITIONS = 3;
  private static final int EVENTS_PER_INCIDENT = 6;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, 'x'};

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static EmbeddedKafka kafka;
  private static String bootstrap;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = EmbeddedKafka.start();
    bootstrap = kafka.bootstrap();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void atLeastOnceCarriesEveryRecordWithItsKeyAndIncidentOrder() throws Exception {
    runCase("alo", DeliveryGuarantee.AT_LEAST_ONCE, null);
  }

  @Test
  void exactlyOnceCommitsTransactionsAtTheFinalCheckpoint() throws Exception {
    runCase("eo", DeliveryGuarantee.EXACTLY_ONCE, "stormwatch-it-eo");
  }

  private void runCase(String name, DeliveryGuarantee guarantee, String txPrefix) throws Exception {
    String in = "in-" + name;
    String out = "out-" + name;
    createTopics(in, out);
    List<ProducerRecord<byte[], byte[]>> input = inputRecords(in);
    produce(input);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      env.enableCheckpointing(200);
    }
    env.fromSource(
            KafkaInput.source(bootstrap, List.of(in), "it-" + name, "earliest", true),
            WatermarkStrategy.noWatermarks(),
            "kafka-in")
        .map(line -> line.toUpperCase(Locale.ROOT))
        .sinkTo(KafkaOutput.sink(bootstrap, out, guarantee, txPrefix, new JsonFieldKey("DEDUP_KEY")));
    env.execute("kafka-connectors-" + name);

    List<ConsumerRecord<String, String>> output = consume(out, input.size());
    assertThat(output).hasSize(input.size());
    List<String> expectedValues =
        input.stream()
            .map(r -> RawStringValueDeserializer.decode(r.value()).toUpperCase(Locale.ROOT))
            .collect(Collectors.toList());
    assertThat(output).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(expectedValues);
    assertThat(output).extracting(ConsumerRecord::value).contains("NULL", "NOT JSON {", "\uFFFD(X");

    for (ConsumerRecord<String, String> record : output) {
      String expectedKey =
          record.value().startsWith("{") ? JSON.readTree(record.value()).get("DEDUP_KEY").asText() : null;
      assertThat(record.key()).as("key of %s", record.value()).isEqualTo(expectedKey);
    }
    Map<String, List<ConsumerRecord<String, String>>> byIncident =
        output.stream()
            .filter(r -> r.key() != null)
            .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new, Collectors.toList()));
    assertThat(byIncident).containsOnlyKeys("A", "B");
    for (List<ConsumerRecord<String, String>> incident : byIncident.values()) {
      assertThat(incident).hasSize(EVENTS_PER_INCIDENT);
      assertThat(incident).extracting(ConsumerRecord::partition).containsOnly(incident.get(0).partition());
      List<String> inOffsetOrder =
          incident.stream()
              .sorted((x, y) -> Long.compare(x.offset(), y.offset()))
              .map(ConsumerRecord::value)
              .collect(Collectors.toList());
      assertThat(inOffsetOrder).isSortedAccordingTo((x, y) -> Integer.compare(seq(x), seq(y)));
    }
  }

  /** Two incidents of keyed events plus an unparseable line, invalid UTF-8 and a tombstone. */
  private static List<ProducerRecord<byte[], byte[]>> inputRecords(String topic) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int seq = 0; seq < EVENTS_PER_INCIDENT; seq++) {
      for (String incident : List.of("a", "b")) {
        String json = "{\"dedup_key\":\"" + incident + "\",\"seq\":" + seq + ",\"status\":\"firing\"}";
        records.add(new ProducerRecord<>(topic, bytes(incident), bytes(json)));
      }
    }
    records.add(new ProducerRecord<>(topic, null, bytes("not json {")));
    records.add(new ProducerRecord<>(topic, null, INVALID_UTF8));
    records.add(new ProducerRecord<>(topic, bytes("gone"), null));
    return records;
  }

  private static int seq(String upperJson) {
    int at = upperJson.indexOf("\"SEQ\":") + 6;
    return Integer.parseInt(upperJson.substring(at, upperJson.indexOf(',', at)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void createTopics(String... names) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(props)) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : names) {
        topics.add(new NewTopic(name, PARTITIONS, (short) 1));
      }
      admin.createTopics(topics).all().get();
    }
  }

  private static void produce(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record).get();
      }
    }
  }

  /** Reads committed records of every partition from the beginning until {@code expected} or 30 s. */
  private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        partitions.add(new TopicPartition(topic, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }
}
