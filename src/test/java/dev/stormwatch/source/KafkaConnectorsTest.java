package dev.stormwatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.sink.JsonFieldKey;
import dev.stormwatch.sink.KafkaOutput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

/** Broker-free checks of the Kafka builders: value decoding, key extraction, argument validation. */
class KafkaConnectorsTest {

  @Test
  void nullValueBecomesTheDocumentedMarker() {
    assertThat(RawStringValueDeserializer.decode(null)).isEqualTo(KafkaInput.NULL_VALUE).isEqualTo("null");
  }

  @Test
  void malformedUtf8IsKeptWithReplacementCharacters() {
    byte[] bytes = {'{', (byte) 0xC3, (byte) 0x28, '}'};
    assertThat(RawStringValueDeserializer.decode(bytes)).isEqualTo("{\uFFFD(}");
  }

  @Test
  void validUtf8RoundTrips() {
    String text = "{\"message\":\"café – 東京\"}";
    assertThat(RawStringValueDeserializer.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }

  @Test
  void jsonFieldKeyReadsTopLevelFields() {
    JsonFieldKey key = new JsonFieldKey("dedup_key");
    assertThat(key.apply("{\"dedup_key\":\"aws/payments\",\"x\":1}")).isEqualTo("aws/payments");
    assertThat(key.apply("{\"dedup_key\":42}")).isEqualTo("42");
    assertThat(key.apply("{\"dedup_key\":{\"a\":1}}")).isEqualTo("{\"a\":1}");
    assertThat(key.apply("{\"nested\":{\"dedup_key\":\"no\"}}")).isNull();
    assertThat(key.apply("{\"dedup_key\":null}")).isNull();
    assertThat(key.apply("[\"dedup_key\"]")).isNull();
    assertThat(key.apply("not json {")).isNull();
    assertThat(key.apply("")).isNull();
    assertThat(key.apply(null)).isNull();
    assertThat(KafkaOutput.alertKey().apply("{\"dedup_key\":\"k1\"}")).isEqualTo("k1");
  }

  @Test
  void startingOffsetsMapToTheMatchingInitializers() {
    assertThat(KafkaInput.startingOffsets("EARLIEST").getAutoOffsetResetStrategy())
        .isEqualTo(OffsetResetStrategy.EARLIEST);
    assertThat(KafkaInput.startingOffsets(" latest ").getAutoOffsetResetStrategy())
        .isEqualTo(OffsetResetStrategy.LATEST);
    assertThat(KafkaInput.startingOffsets("committed").getAutoOffsetResetStrategy())
        .as("groups without committed offsets start from the earliest record")
        .isEqualTo(OffsetResetStrategy.EARLIEST);
    assertThatThrownBy(() -> KafkaInput.startingOffsets("newest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newest");
  }

  @Test
  void sourceRejectsMissingArguments() {
    assertThatThrownBy(() -> KafkaInput.source("127.0.0.1:9092", List.of(), "g", "earliest", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KafkaInput.source(" ", List.of("t"), "g", "earliest", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(KafkaInput.source("127.0.0.1:9092", List.of("t"), "g", "latest", false)).isNotNull();
  }

  @Test
  void exactlyOnceNeedsATransactionalIdPrefix() {
    assertThatThrownBy(() -> KafkaOutput.sink("127.0.0.1:9092", "alerts", DeliveryGuarantee.EXACTLY_ONCE, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transactionalIdPrefix");
    assertThat(KafkaOutput.sink("127.0.0.1:9092", "alerts", DeliveryGuarantee.AT_LEAST_ONCE, null)).isNotNull();
    assertThat(KafkaOutput.sink("127.0.0.1:9092", "alerts", DeliveryGuarantee.EXACTLY_ONCE, "sw", KafkaOutput.alertKey()))
        .isNotNull();
  }
}
