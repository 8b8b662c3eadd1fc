package dev.stormwatch.sink;

import java.time.Duration;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchemaBuilder;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Builds Kafka sinks for String records (alerts, dead letters), optionally keyed. */
public final class KafkaOutput {

  /** JSON field alerts are keyed by, so one incident's events stay ordered in one partition. */
  public static final String ALERT_KEY_FIELD = "dedup_key";

  /**
   * Producer transaction timeout for {@link DeliveryGuarantee#EXACTLY_ONCE}: the broker default
   * {@code transaction.max.timeout.ms} (15 min); the connector's own default (1 h) is rejected by
   * brokers with default settings.
   */
  public static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  private KafkaOutput() {}

  /** An unkeyed sink (records spread over partitions by the producer). */
  public static KafkaSink<String> sink(
      String bootstrap, String topic, DeliveryGuarantee guarantee, String transactionalIdPrefix) {
    return sink(bootstrap, topic, guarantee, transactionalIdPrefix, null);
  }

  /**
   * A sink writing each String as a UTF-8 value to {@code topic}.
   *
   * @param guarantee NONE, AT_LEAST_ONCE or EXACTLY_ONCE (needs checkpointing; readers must use
   *     {@code isolation.level=read_committed})
   * @param transactionalIdPrefix required for EXACTLY_ONCE, unique per job writing to the cluster;
   *     ignored otherwise (may be null)
   * @param keyExtractor record key from the value (null key: unkeyed); null for no keys. Use
   *     {@link #alertKey()} for alerts.
   */
  public static KafkaSink<String> sink(
      String bootstrap,
      String topic,
      DeliveryGuarantee guarantee,
      String transactionalIdPrefix,
      SerializableFunction<String, String> keyExtractor) {
    if (bootstrap == null || bootstrap.isBlank() || topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("bootstrap and topic must not be blank");
    }
    if (guarantee == null) {
      throw new IllegalArgumentException("guarantee must not be null");
    }
    KafkaRecordSerializationSchemaBuilder<String> records =
        KafkaRecordSerializationSchema.<String>builder()
            .setTopic(topic)
            .setValueSerializationSchema(new SimpleStringSchema());
    if (keyExtractor != null) {
      records.setKeySerializationSchema(new ExtractedKeySchema(keyExtractor));
    }
    var builder =
        KafkaSink.<String>builder()
            .setBootstrapServers(bootstrap)
            .setRecordSerializer(records.build())
            .setDeliveryGuarantee(guarantee);
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
        throw new IllegalArgumentException("EXACTLY_ONCE needs a transactionalIdPrefix");
      }
      builder
          .setTransactionalIdPrefix(transactionalIdPrefix)
          .setProperty(
              ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
              String.valueOf(TRANSACTION_TIMEOUT.toMillis()));
    }
    return builder.build();
  }

  /** Key extractor for alerts: their {@value #ALERT_KEY_FIELD}. */
  public static SerializableFunction<String, String> alertKey() {
    return new JsonFieldKey(ALERT_KEY_FIELD);
  }
}
