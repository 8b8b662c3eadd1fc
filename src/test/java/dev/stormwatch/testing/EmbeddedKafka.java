package dev.stormwatch.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node KRaft broker inside the test JVM, with helpers to create, fill and read topics. */
public final class EmbeddedKafka implements AutoCloseable {
  private final KafkaClusterTestKit kit;

  private EmbeddedKafka(KafkaClusterTestKit kit) {
    this.kit = kit;
  }

  /** Starts a broker with infinite retention (the Kafka sink stamps records with old event times). */
  public static EmbeddedKafka start() throws Exception {
    return start(Map.of());
  }

  /** As {@link #start()}, with extra broker settings. */
  public static EmbeddedKafka start(Map<String, String> brokerProps) throws Exception {
    KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(
            new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("log.retention.ms", "-1")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0");
    brokerProps.forEach(builder::setConfigProp);
    KafkaClusterTestKit kit = builder.build();
    try {
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
    } catch (Exception e) {
      kit.close();
      throw e;
    }
    return new EmbeddedKafka(kit);
  }

  public String bootstrap() {
    return kit.bootstrapServers();
  }

  public void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  /** Produces each (key, value) pair in order; a null value is a tombstone. */
  public void produce(String topic, List<String[]> keyValues) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (String[] kv : keyValues) {
        producer.send(new ProducerRecord<>(topic, bytes(kv[0]), bytes(kv[1])));
      }
      producer.flush();
    }
  }

  /** Reads a topic from the beginning until {@code idle} passes without a new record. */
  public List<ConsumerRecord<String, String>> readAll(String topic, Duration idle) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      if (parts.isEmpty()) {
        return out; // the topic was never written to
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long lastRecord = System.nanoTime();
      while (System.nanoTime() - lastRecord < idle.toNanos()) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          out.add(r);
          lastRecord = System.nanoTime();
        }
      }
    }
    return out;
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
