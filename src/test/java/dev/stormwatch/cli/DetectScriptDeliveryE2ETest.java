package dev.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.alert.delivery.FakePagerDuty;
import dev.stormwatch.alert.delivery.FakeSlack;
import dev.stormwatch.sink.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/detect.sh} over the demo scenario (24 h warm-up, 12 h live, 9 incidents, 4 benign
 * look-alikes) with PagerDuty and Slack pointed at local stand-ins through the environment, the
 * routing key from a secrets file: one trigger and one resolve per alert episode with the alert's
 * dedup key (early warnings never page), every event including the early warnings on Slack within
 * one message a second, no page inside a benign look-alike's window, and the secrets nowhere in the
 * outputs or logs.
 */
class DetectScriptDeliveryE2ETest {
  private static final String KEY = "e2eR0UT1NGKEY0123456789abcdef012";
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path DEMO = ROOT.resolve("datasets/demo");
  /** A benign window counts until this long after its end (the 10-minute window still sees it). */
  private static final Duration BENIGN_TAIL = Duration.ofMinutes(15);

  @Test
  void detectScriptPagesOncePerIncidentAndRespectsSlacksRate(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("pagerduty-routing-key");
    Files.writeString(secret, KEY + "\n");
    Path out = dir.resolve("out");
    try (FakePagerDuty pd = new FakePagerDuty(KEY); FakeSlack slack = new FakeSlack(1000)) {
      String log = runDetect(dir, Map.of(
          "PAGERDUTY_ROUTING_KEY_FILE", secret.toString(),
          "PAGERDUTY_EVENTS_URL", pd.eventsUrl(),
          "SLACK_WEBHOOK_URL", slack.webhookUrl()),
          "--warmup", DEMO.resolve("history.jsonl.gz").toString(),
          "--input", DEMO.resolve("live.jsonl.gz").toString(),
          "--output", out.toString());

      List<JsonNode> alerts = jsonLines(out.resolve("alerts.jsonl"));
      assertThat(alerts).isNotEmpty();
      Map<String, List<String>> expected = new LinkedHashMap<>();
      long earlyWarnings = 0;
      for (JsonNode a : alerts) {
        String status = a.get("status").asText();
        if (status.startsWith("early_warning")) {
          earlyWarnings++;
          continue;  // heads-ups go to Slack only
        }
        expected.computeIfAbsent(a.get("dedup_key").asText(), k -> new ArrayList<>())
            .add(status.equals("firing") ? "trigger" : "resolve");
      }
      assertThat(earlyWarnings).as("the demo's early warnings").isPositive();
      Map<String, List<String>> paged = new LinkedHashMap<>();
      for (FakePagerDuty.Event e : pd.events()) {
        paged.computeIfAbsent(e.dedupKey(), k -> new ArrayList<>()).add(e.action());
      }
      // per dedup key exactly the alert events, in order: trigger, resolve, (trigger, resolve, ...)
      assertThat(paged).isEqualTo(expected);
      long firing = alerts.stream().filter(a -> a.get("status").asText().equals("firing")).count();
      assertThat(pd.incidents()).hasSize((int) firing);
      assertThat(pd.rejections()).isEmpty();

      List<JsonNode> benign = List.copyOf(toList(JsonCodec.mapper().readTree(DEMO.resolve("benign.json").toFile())));
      for (FakePagerDuty.Event e : pd.events()) {
        if (!e.action().equals("trigger")) {
          continue;
        }
        JsonNode p = e.body().get("payload");
        Instant at = Instant.parse(p.get("timestamp").asText());
        for (JsonNode b : benign) {
          boolean sameService = p.get("component").asText().equals(b.get("service").asText())
              && p.get("group").asText().startsWith(b.get("provider").asText());
          boolean inWindow = !at.isBefore(Instant.parse(b.get("start").asText()))
              && !at.isAfter(Instant.parse(b.get("end").asText()).plus(BENIGN_TAIL));
          assertThat(sameService && inWindow).as("page %s during benign %s", p, b.get("id")).isFalse();
        }
      }

      List<FakeSlack.Message> messages = slack.messages();
      assertThat(slack.throttled()).as("Slack 429s").isZero();
      assertThat(slack.invalid()).isZero();
      for (int i = 1; i < messages.size(); i++) {
        assertThat(messages.get(i).atMillis() - messages.get(i - 1).atMillis()).isGreaterThanOrEqualTo(1000L);
      }
      int covered = 0;
      for (FakeSlack.Message m : messages) {
        String text = m.body().get("text").asText();
        covered += text.startsWith("Stormwatch digest: ") ? Integer.parseInt(text.split(" ")[2]) : 1;
      }
      // every lifecycle event, early warnings included, reached Slack
      assertThat(covered).isEqualTo(alerts.size());
      assertThat(messages.stream().map(m -> m.body().toString()).toList())
          .anyMatch(body -> body.contains("EARLY WARNING"));

      String deadLetters = Files.readString(out.resolve("dead-letter.jsonl"));
      assertThat(deadLetters).doesNotContain("delivery_");
      for (String text : List.of(log, deadLetters, Files.readString(out.resolve("alerts.jsonl")))) {
        assertThat(text).doesNotContain(KEY).doesNotContain(FakeSlack.PATH);
      }
      System.out.printf("demo delivery: %d alert events, %d incidents paged, %d PagerDuty events, "
          + "%d Slack messages%n", alerts.size(), pd.incidents().size(), pd.events().size(), messages.size());
    }
  }

  private static String runDetect(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("scripts/detect.sh").toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("detect.log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        throw new AssertionError("detect.sh did not finish in 15 minutes\n" + Files.readString(log));
      }
    } finally {
      if (p.isAlive()) {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("detect.sh exit status\n%s", output).isZero();
    return output;
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JsonCodec.mapper().readTree(line));
      }
    }
    return out;
  }
}
