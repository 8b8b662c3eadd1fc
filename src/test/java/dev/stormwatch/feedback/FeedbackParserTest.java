package dev.stormwatch.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.DeadLetter;
import org.junit.jupiter.api.Test;

/** Feedback lines: good ones parse, every kind of bad one becomes a dead letter with its reason. */
class FeedbackParserTest {
  private final FeedbackParser parser = new FeedbackParser("feedback.jsonl");

  @Test
  void parsesIsoAndEpochTimesAndIgnoresExtraFields() {
    Feedback f = parser.parse("{\"dedup_key\":\"stormwatch-ab\",\"verdict\":\"false_positive\","
        + "\"time\":\"2026-03-02T13:40:00+01:00\",\"operator\":\"kim\"}").feedback();
    assertThat(f.dedupKey).isEqualTo("stormwatch-ab");
    assertThat(f.verdict).isEqualTo("false_positive");
    assertThat(f.timeMillis).isEqualTo(java.time.Instant.parse("2026-03-02T12:40:00Z").toEpochMilli());
    assertThat(f.origin).isEqualTo("feedback.jsonl");
    Feedback g = parser.parse("{\"dedup_key\":\"k\",\"verdict\":\"true_positive\",\"time\":1772000000000}").feedback();
    assertThat(g.timeMillis).isEqualTo(1772000000000L);
  }

  @Test
  void badLinesBecomeDeadLettersWithReasonCodes() {
    assertThat(reason("{not json")).isEqualTo(DeadLetter.Reasons.INVALID_JSON);
    assertThat(reason("[1,2]")).isEqualTo(DeadLetter.Reasons.NOT_AN_OBJECT);
    assertThat(reason("{\"verdict\":\"false_positive\",\"time\":1}")).isEqualTo(DeadLetter.Reasons.MISSING_FIELD);
    assertThat(reason("{\"dedup_key\":\"k\",\"time\":1}")).isEqualTo(DeadLetter.Reasons.MISSING_FIELD);
    assertThat(reason("{\"dedup_key\":\"k\",\"verdict\":\"false_positive\"}")).isEqualTo(DeadLetter.Reasons.MISSING_FIELD);
    assertThat(reason("{\"dedup_key\":\"k\",\"verdict\":\"meh\",\"time\":1}")).isEqualTo(DeadLetter.Reasons.UNKNOWN_VERDICT);
    assertThat(reason("{\"dedup_key\":\"k\",\"verdict\":\"false_positive\",\"time\":\"yesterday\"}"))
        .isEqualTo(DeadLetter.Reasons.INVALID_TIME);
    assertThat(reason("{\"dedup_key\":\"k\",\"verdict\":\"false_positive\",\"time\":-5}"))
        .isEqualTo(DeadLetter.Reasons.INVALID_TIME);
    assertThat(reason("{\"dedup_key\":\"k\",\"verdict\":\"false_positive\",\"time\":\"2026-03-02T13:40:00\"}"))
        .as("no zone").isEqualTo(DeadLetter.Reasons.INVALID_TIME);
    assertThat(reason("{\"dedup_key\":7,\"verdict\":\"false_positive\",\"time\":1}")).isEqualTo(DeadLetter.Reasons.INVALID_FIELD);
    DeadLetter d = parser.parse("{not json").deadLetter();
    assertThat(d.raw()).isEqualTo("{not json");
    assertThat(d.origin()).isEqualTo("feedback.jsonl");
  }

  private String reason(String line) {
    FeedbackParser.Result r = parser.parse(line);
    assertThat(r.feedback()).as(line).isNull();
    return r.deadLetter().reason();
  }
}
