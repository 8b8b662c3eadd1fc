package dev.stormwatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimeTest {

  private static long javaTime(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        .toInstant()
        .toEpochMilli();
  }

  @Test
  void contractExampleMatchesInstantParse() {
    String text = "2026-03-03T00:00:00.086Z";
    assertThat(IsoTime.parseMillis(text)).isEqualTo(Instant.parse(text).toEpochMilli());
    assertThat(IsoTime.parseMillis(text)).isEqualTo(1_772_496_000_086L);
  }

  @Test
  void randomInstantsWithRandomOffsetsAndFractionsMatchJavaTime() {
    Random random = new Random(20260303L);
    long minSecond = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    long maxSecond = LocalDateTime.of(9999, 12, 31, 0, 0).toEpochSecond(ZoneOffset.UTC);
    for (int i = 0; i < 200_000; i++) {
      long second = minSecond + (long) (random.nextDouble() * (maxSecond - minSecond));
      int nanos = random.nextInt(1_000_000_000);
      int fractionDigits = random.nextInt(10);
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(36 * 60 + 1) - 18 * 60) * 60);
      String text = format(LocalDateTime.ofEpochSecond(second, 0, offset), nanos, fractionDigits,
          random.nextInt(4) == 0 && offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
      assertThat(IsoTime.parseMillis(text)).as(text).isEqualTo(javaTime(text));
    }
  }

  private static String format(LocalDateTime local, int nanos, int fractionDigits, String zone) {
    String base = String.format("%04d-%02d-%02dT%02d:%02d:%02d", local.getYear(),
        local.getMonthValue(), local.getDayOfMonth(), local.getHour(), local.getMinute(),
        local.getSecond());
    String fraction = fractionDigits == 0
        ? "" : "." + String.format("%09d", nanos).substring(0, fractionDigits);
    return base + fraction + zone;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-02-29T12:00:00Z", "2000-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z",
      "1969-12-31T23:59:59.999Z", "0000-03-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
      "2026-03-03T02:00:00+02:00", "2026-03-02T19:30:00-04:30", "2026-01-01T00:00:00+18:00",
      "2026-01-01T00:00:00-18:00", "2026-03-03T00:00:00.1Z", "2026-03-03T00:00:00.12Z",
      "2026-03-03T00:00:00.0869999Z", "2026-03-03T00:00:00.123456789+05:45",
      "2026-12-31T23:59:59-00:00"})
  void edgeCasesMatchJavaTime(String text) {
    assertThat(IsoTime.parseMillis(text)).isEqualTo(javaTime(text));
  }

  @Test
  void fractionBeyondMillisIsTruncatedLikeInstant() {
    assertThat(IsoTime.parseMillis("2026-03-03T00:00:00.0869999Z")).isEqualTo(1_772_496_000_086L);
    assertThat(IsoTime.parseMillis("1969-12-31T23:59:59.9999Z"))
        .isEqualTo(Instant.parse("1969-12-31T23:59:59.9999Z").toEpochMilli())
        .isEqualTo(-1L);
  }

  @Test
  void lowercaseSeparatorsAreAcceptedLikeJavaTime() {
    assertThat(IsoTime.parseMillis("2026-03-03t00:00:00.086z")).isEqualTo(1_772_496_000_086L);
  }

  @Test
  void unusualShapesFallBackToJavaTime() {
    long midnight = Instant.parse("2026-03-03T00:00:00Z").toEpochMilli();
    assertThat(IsoTime.parseMillis("2026-03-03T00:00Z")).isEqualTo(midnight);
    assertThat(IsoTime.parseMillis("2026-03-03T01:00:00+01:00[Europe/Paris]")).isEqualTo(midnight);
    assertThat(IsoTime.parseMillis("2026-03-03T00:00:30+00:00:30")).isEqualTo(midnight);
    assertThat(IsoTime.parseMillis("2026-03-03T00:00:00.Z")).isEqualTo(midnight);
    assertThat(IsoTime.parseMillis("+10000-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli());
  }

  @Test
  void timeWithoutZoneIsRejectedWithClearMessage() {
    assertThatThrownBy(() -> IsoTime.parseMillis("2026-03-03T00:00:00.086"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no zone")
        .hasMessageContaining("2026-03-03T00:00:00.086");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "yesterday", "2026-03-03", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
      "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
      "2026-03-03T25:00:00Z", "2026-03-03T00:60:00Z", "2026-03-03T00:00:00+19:00",
      "2026-03-03T00:00:00+18:01", "2026-03-03T00:00:00.1234567890Z", "2026-03-03 00:00:00Z",
      "2026-03-03T00:00:00ZZ", "1772496000086", "2026-3-3T00:00:00Z"})
  void garbageIsRejected(String text) {
    assertThatThrownBy(() -> IsoTime.parseMillis(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> IsoTime.parseMillis(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
