package dev.stormwatch.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.alert.bayes.BetaPrior;
import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.source.IsoTime;

/**
 * Parses one feedback line, {@code {"dedup_key":"...","verdict":"true_positive"|"false_positive",
 * "time":...}} (time: ISO-8601 with zone or epoch millis); anything else becomes a dead letter
 * with a reason code. Unknown extra fields are ignored.
 */
public final class FeedbackParser {
  /** Longest accepted line, in characters. */
  public static final int MAX_LINE = 4096;
  /** Longest accepted dedup key. */
  public static final int MAX_KEY = 128;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String origin;

  /** The parse of one line: exactly one of feedback and deadLetter is set. */
  public record Result(Feedback feedback, DeadLetter deadLetter) {}

  public FeedbackParser(String origin) {
    this.origin = origin == null ? "" : origin;
  }

  public Result parse(String line) {
    if (line.length() > MAX_LINE) {
      return dead(DeadLetter.Reasons.TOO_LARGE, "feedback line longer than " + MAX_LINE, line);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return dead(DeadLetter.Reasons.INVALID_JSON, "feedback is not JSON: " + e.getOriginalMessage(), line);
    }
    if (node == null || !node.isObject()) {
      return dead(DeadLetter.Reasons.NOT_AN_OBJECT, "feedback must be a JSON object", line);
    }
    for (String field : new String[] {"dedup_key", "verdict", "time"}) {
      if (!node.hasNonNull(field)) {
        return dead(DeadLetter.Reasons.MISSING_FIELD, "feedback needs '" + field + "'", line);
      }
    }
    JsonNode key = node.get("dedup_key");
    if (!key.isTextual() || key.asText().isBlank() || key.asText().length() > MAX_KEY) {
      return dead(DeadLetter.Reasons.INVALID_FIELD,
          "dedup_key must be a non-blank string of at most " + MAX_KEY + " characters", line);
    }
    String verdict = node.get("verdict").asText();
    if (!BetaPrior.TRUE_POSITIVE.equals(verdict) && !BetaPrior.FALSE_POSITIVE.equals(verdict)) {
      return dead(DeadLetter.Reasons.UNKNOWN_VERDICT,
          "verdict must be true_positive or false_positive, not '" + cut(verdict) + "'", line);
    }
    long time;
    try {
      time = time(node.get("time"));
    } catch (IllegalArgumentException e) {
      return dead(DeadLetter.Reasons.INVALID_TIME, "feedback time: " + e.getMessage(), line);
    }
    return new Result(new Feedback(key.asText().trim(), verdict, time, line, origin), null);
  }

  private static long time(JsonNode t) {
    if (t.isTextual()) {
      return IsoTime.parseMillis(t.asText());
    }
    if (t.isIntegralNumber() && t.canConvertToLong() && t.asLong() >= 0) {
      return t.asLong();
    }
    throw new IllegalArgumentException("must be ISO-8601 with a zone or non-negative epoch millis");
  }

  private Result dead(String reason, String detail, String line) {
    return new Result(null, DeadLetter.of(reason, detail, line, origin));
  }

  private static String cut(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "..." : s;
  }
}
