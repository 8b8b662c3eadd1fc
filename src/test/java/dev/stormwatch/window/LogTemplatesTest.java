package dev.stormwatch.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTemplatesTest {
  @Test
  void masksVariablePartsSoThatInstancesShareATemplate() {
    String a = LogTemplates.mask("timeout after 503 ms calling 10.0.0.7 for order 9f3a2b77c1");
    String b = LogTemplates.mask("timeout after 71 ms calling 10.0.12.9 for order 00aa11bb22");
    assertThat(a).isEqualTo(b).isEqualTo("timeout after <num> ms calling <ip> for order <id>");
  }

  @Test
  void keepsWordsAndMasksPathsAndQuotedValues() {
    assertThat(LogTemplates.mask("GET /api/v1/users/42 failed: \"bad\""))
        .isEqualTo("GET <path> failed: <*>");
    assertThat(LogTemplates.mask("connection pool exhausted")).isEqualTo("connection pool exhausted");
  }

  @Test
  void boundsTheTemplateLength() {
    assertThat(LogTemplates.mask("word ".repeat(200))).hasSizeLessThanOrEqualTo(LogTemplates.MAX_LENGTH);
  }
}
