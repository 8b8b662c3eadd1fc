package dev.stormwatch.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes small, seeded telemetry streams in the input contract for integration tests: a few
 * services with two resources each (one metric record per resource per minute, diurnal CPU and
 * noisy latency) and a trickle of INFO logs, optionally with one incident on one service (latency
 * x6, error rate up and a new ERROR log line) between two minutes.
 */
public final class TelemetryWriter {
  public static final String[][] SERVICES = {
    {"aws", "us-east-1", "payments"}, {"gcp", "us-central1", "search"}, {"azure", "eastus", "checkout"}
  };

  private final long start;
  private final SplittableRandom random;

  public TelemetryWriter(Instant start, long seed) {
    this.start = start.toEpochMilli();
    this.random = new SplittableRandom(seed);
  }

  /**
   * Writes minutes [fromMinute, toMinute) to a file; an incident hits {@code incidentService} (an
   * index into {@link #SERVICES}, or -1 for none) during [incidentFrom, incidentTo).
   */
  public void write(Path file, int fromMinute, int toMinute, int incidentService, int incidentFrom,
      int incidentTo) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int minute = fromMinute; minute < toMinute; minute++) {
        for (int s = 0; s < SERVICES.length; s++) {
          boolean incident = s == incidentService && minute >= incidentFrom && minute < incidentTo;
          writeMinute(w, SERVICES[s], minute, incident);
        }
      }
    }
  }

  private void writeMinute(Writer w, String[] svc, int minute, boolean incident) throws IOException {
    double hour = (minute % 1440) / 60.0;
    double load = 0.5 + 0.3 * Math.sin(2 * Math.PI * (hour - 6) / 24);
    for (int r = 0; r < 2; r++) {
      long t = start + minute * 60_000L + 5_000L + r * 7_000L + random.nextInt(3_000);
      double cpu = clamp(load * 0.8 + random.nextGaussian() * 0.03);
      double latency = (60 + 40 * load) * Math.exp(random.nextGaussian() * 0.08) * (incident ? 6 : 1);
      double errors = Math.max(0, 0.002 + random.nextGaussian() * 0.0005) + (incident ? 0.08 : 0);
      w.write(String.format(Locale.ROOT,
          "{\"kind\":\"metric\",\"time\":\"%s\",\"provider\":\"%s\",\"region\":\"%s\",\"service\":\"%s\","
              + "\"resource\":\"%s-%d\",\"metrics\":{\"cpu_util\":%.4f,\"latency_p99_ms\":%.2f,\"error_rate\":%.5f}}\n",
          Instant.ofEpochMilli(t), svc[0], svc[1], svc[2], svc[2], r, cpu, latency, errors));
    }
    long t = start + minute * 60_000L + 30_000L + random.nextInt(20_000);
    String msg = incident
        ? "upstream connect error: connection refused to 10.0.3." + random.nextInt(250) + ":5432"
        : "request completed in " + (20 + random.nextInt(80)) + " ms for user " + random.nextInt(100000);
    w.write(String.format(Locale.ROOT,
        "{\"kind\":\"log\",\"time\":\"%s\",\"provider\":\"%s\",\"region\":\"%s\",\"service\":\"%s\","
            + "\"resource\":\"%s-0\",\"severity\":\"%s\",\"message\":\"%s\"}\n",
        Instant.ofEpochMilli(t), svc[0], svc[1], svc[2], svc[2], incident ? "ERROR" : "INFO", msg));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
