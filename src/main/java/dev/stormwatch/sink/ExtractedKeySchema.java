package dev.stormwatch.sink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.util.function.SerializableFunction;

/** Serializes the key a function extracts from a record as UTF-8; a null key stays null. */
final class ExtractedKeySchema implements SerializationSchema<String> {

  private static final long serialVersionUID = 1L;

  private final SerializableFunction<String, String> keyExtractor;

  ExtractedKeySchema(SerializableFunction<String, String> keyExtractor) {
    this.keyExtractor = keyExtractor;
  }

  @Override
  public byte[] serialize(String element) {
    String key = keyExtractor.apply(element);
    return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
  }
}
