package dev.stormwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.sink.JsonCodec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;

/**
 * While a job runs: prints a progress line every few seconds from the job's accumulators, and
 * every alert as soon as the alert file receives it.
 */
final class ProgressPrinter {
  private final JobClient client;
  private final Path alerts;
  private final Thread thread;
  private volatile boolean running = true;
  private long offset;

  ProgressPrinter(JobClient client, Path alerts) {
    this.client = client;
    this.alerts = alerts;
    this.thread = new Thread(this::loop, "stormwatch-progress");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join(5_000);
    printNewAlerts();
  }

  private void loop() {
    long lastProgress = 0;
    while (running) {
      printNewAlerts();
      if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(3)) {
        lastProgress = System.nanoTime();
        try {
          Map<String, Object> acc = client.getAccumulators().get(2, TimeUnit.SECONDS);
          System.out.printf("[progress] records %,d  dead letters %,d  windows scored %,d  alerts %d%n",
              DetectCommand.count(acc, "records_in"), DetectCommand.count(acc, "dead_letters"),
              DetectCommand.count(acc, "windows_scored"), DetectCommand.count(acc, "alerts_firing"));
        } catch (Exception e) {
          // the job may be finishing; progress is best-effort
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void printNewAlerts() {
    if (!Files.exists(alerts)) {
      return;
    }
    try (RandomAccessFile f = new RandomAccessFile(alerts.toFile(), "r")) {
      if (f.length() <= offset) {
        return;
      }
      f.seek(offset);
      byte[] buf = new byte[(int) (f.length() - offset)];
      f.readFully(buf);
      String text = new String(buf, StandardCharsets.UTF_8);
      int lastNewline = text.lastIndexOf('\n');
      if (lastNewline < 0) {
        return;
      }
      offset += text.substring(0, lastNewline + 1).getBytes(StandardCharsets.UTF_8).length;
      for (String line : text.substring(0, lastNewline).split("\n")) {
        print(line);
      }
    } catch (IOException e) {
      System.err.println("[progress] cannot read " + alerts + ": " + e.getMessage());
    }
  }

  private static void print(String line) {
    try {
      JsonNode a = JsonCodec.mapper().readTree(line);
      String status = a.path("status").asText();
      String tag = switch (status) {
        case "firing" -> "[ALERT]";
        case "early_warning" -> "[WARN] ";
        default -> "[OK]   ";
      };
      System.out.printf("%s %-8s %-9s %s/%s at %s score %.2f  %s%n",
          tag, a.path("severity").asText().toUpperCase(),
          a.path("status").asText(), a.path("provider").asText(), a.path("service").asText(),
          a.path("event_time").asText(), a.path("score").asDouble(), a.path("summary").asText());
    } catch (IOException e) {
      System.out.println(line);
    }
  }
}
