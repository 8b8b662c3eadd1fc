package dev.stormwatch.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Key extractor that reads one top-level field of a JSON object line (e.g. {@code dedup_key});
 * null when the line is not a JSON object or the field is missing or null, so the record is
 * written without a key.
 */
public final class JsonFieldKey implements SerializableFunction<String, String> {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String field;

  public JsonFieldKey(String field) {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("field must not be blank");
    }
    this.field = field;
  }

  @Override
  public String apply(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject()) {
        return null;
      }
      JsonNode value = node.get(field);
      return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  /** The field this extractor reads. */
  public String field() {
    return field;
  }
}
