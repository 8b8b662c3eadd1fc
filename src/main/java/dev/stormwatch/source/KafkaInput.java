package dev.stormwatch.source;

import java.util.List;
import java.util.Locale;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Builds the Kafka source of raw JSON Lines records (one String per record value). */
public final class KafkaInput {

  /**
   * What a record with a null value (a tombstone) is turned into: the JSON literal {@code null},
   * which the parser dead-letters as {@code not_an_object}, like any other unusable record.
   */
  public static final String NULL_VALUE = "null";

  private KafkaInput() {}

  /**
   * A source of the record values of {@code topics}.
   *
   * @param bootstrap Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}
   * @param topics topics to read (at least one)
   * @param groupId consumer group; offsets are committed to it on each checkpoint
   * @param startingOffsets {@code earliest}, {@code latest} or {@code committed} (the group's
   *     committed offsets, falling back to earliest for partitions without one)
   * @param bounded when true the source stops at the latest offsets seen at job start (for
   *     replays and tests); otherwise it runs forever
   */
  public static KafkaSource<String> source(
      String bootstrap, List<String> topics, String groupId, String startingOffsets, boolean bounded) {
    requireText(bootstrap, "bootstrap");
    requireText(groupId, "groupId");
    if (topics == null || topics.isEmpty() || topics.stream().anyMatch(t -> t == null || t.isBlank())) {
      throw new IllegalArgumentException("topics must be a non-empty list of topic names: " + topics);
    }
    KafkaSourceBuilder<String> builder =
        KafkaSource.<String>builder()
            .setBootstrapServers(bootstrap)
            .setTopics(topics)
            .setGroupId(groupId)
            .setClientIdPrefix(groupId)
            .setStartingOffsets(startingOffsets(startingOffsets))
            .setDeserializer(new RawStringValueDeserializer());
    if (bounded) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  /** Maps {@code earliest|latest|committed} (case-insensitive) to an offsets initializer. */
  public static OffsetsInitializer startingOffsets(String name) {
    requireText(name, "startingOffsets");
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "earliest":
        return OffsetsInitializer.earliest();
      case "latest":
        return OffsetsInitializer.latest();
      case "committed":
        return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
      default:
        throw new IllegalArgumentException(
            "startingOffsets must be earliest, latest or committed, not '" + name + "'");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
