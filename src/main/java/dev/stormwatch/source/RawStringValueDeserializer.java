package dev.stormwatch.source;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Emits each Kafka record value as a String, never failing: bytes are decoded as UTF-8 with
 * malformed sequences replaced by U+FFFD, and a null value (tombstone) becomes
 * {@link KafkaInput#NULL_VALUE}, so that the parser dead-letters bad records instead of the job
 * crashing.
 */
public final class RawStringValueDeserializer implements KafkaRecordDeserializationSchema<String> {

  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
    out.collect(decode(record.value()));
  }

  /** The value as text; see the class comment for null and malformed input. */
  public static String decode(byte[] value) {
    return value == null ? KafkaInput.NULL_VALUE : new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }
}
