package dev.stormwatch.tools;

import dev.stormwatch.cli.CliArgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.testing.EmbeddedKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KafkaProduceFile and KafkaTail against an in-JVM broker: gzip, blank lines, rate, stop conditions. */
class KafkaToolsITCase {

  private static final List<String> LINES =
      List.of("{\"kind\":\"metric\",\"n\":1}", "{\"kind\":\"log\",\"n\":2}", "not json {", "{\"n\":4}");

  private static EmbeddedKafka kafka;
  private static String bootstrap;

  @TempDir Path dir;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = EmbeddedKafka.start(Map.of("auto.create.topics.enable", "true", "num.partitions", "2"));
    bootstrap = kafka.bootstrap();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void gzipFileIsProducedWithoutBlankLinesAndTailedBack() throws Exception {
    Path file = dir.resolve("events.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(("\n" + String.join("\n  \n", LINES) + "\n\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(KafkaProduceFile.produce(bootstrap, "tools-gz", file, 0)).isEqualTo(LINES.size());

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    long count = KafkaTail.tail(bootstrap, "tools-gz", true, 0, 2, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(count).isEqualTo(LINES.size());
    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrderElementsOf(LINES);
  }

  @Test
  void rateLimitPacesTheRecordsAndMaxStopsTheTail() throws Exception {
    Path file = dir.resolve("events.jsonl");
    Files.write(file, LINES);
    long start = System.nanoTime();
    assertThat(KafkaProduceFile.produce(bootstrap, "tools-rate", file, 10)).isEqualTo(LINES.size());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(seconds).as("4 records at 10/s take at least 0.3 s").isGreaterThanOrEqualTo(0.29);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    long count = KafkaTail.tail(bootstrap, "tools-rate", true, 2, 0, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(count).isEqualTo(2);
    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).hasSize(2).allMatch(LINES::contains);
  }

  @Test
  void tailWithoutFromBeginningSkipsOldRecords() throws Exception {
    Path file = dir.resolve("old.jsonl");
    Files.write(file, LINES);
    KafkaProduceFile.produce(bootstrap, "tools-new", file, 0);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    long count = KafkaTail.tail(bootstrap, "tools-new", false, 0, 1, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(count).isZero();
    assertThat(printed.size()).isZero();
  }

  @Test
  void plainAndGzipFilesReadTheSame() throws IOException {
    Path plain = dir.resolve("a.jsonl");
    Path gz = dir.resolve("a.jsonl.gz");
    Files.write(plain, LINES);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(plain, out);
    }
    try (var a = KafkaProduceFile.open(plain); var b = KafkaProduceFile.open(gz)) {
      assertThat(a.lines()).containsExactlyElementsOf(LINES);
      assertThat(b.lines()).containsExactlyElementsOf(LINES);
    }
  }

  @Test
  void cliArgsParseValuesFlagsAndRates() {
    CliArgs cli =
        CliArgs.parse(
            new String[] {"--topic", "t", "--rate", "250/s", "--from-beginning"},
            Set.of("--topic", "--rate", "--max"),
            Set.of("--from-beginning"));
    assertThat(cli.required("--topic")).isEqualTo("t");
    assertThat(cli.nonNegative("--rate", 0)).isEqualTo(250.0);
    assertThat(cli.nonNegative("--max", 7)).isEqualTo(7.0);
    assertThat(cli.flag("--from-beginning")).isTrue();
    assertThatThrownBy(() -> CliArgs.parse(new String[] {"--bogus"}, Set.of(), Set.of()))
        .hasMessageContaining("--bogus");
    assertThatThrownBy(() -> CliArgs.parse(new String[] {"--topic"}, Set.of("--topic"), Set.of()))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> CliArgs.parse(new String[] {"--rate", "-1"}, Set.of("--rate"), Set.of()).nonNegative("--rate", 0))
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> cli.required("--max")).hasMessageContaining("required");
  }
}
