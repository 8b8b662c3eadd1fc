package dev.stormwatch.alert.routing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded telemetry of four AWS services and one GCP service (two resources each, one metric record
 * per resource per minute plus an INFO log), where an incident (latency x6, error rate up, ERROR
 * logs) can hit any set of services during a span of minutes: a provider-wide outage is all four
 * AWS services at once.
 */
final class OutageTelemetry {
  static final String[][] SERVICES = {
    {"aws", "us-east-1", "payments"}, {"aws", "us-east-1", "search"}, {"aws", "us-east-1", "checkout"},
    {"aws", "us-east-1", "auth"}, {"gcp", "us-central1", "search"}
  };

  /** An incident on the services at {@code services} (indexes into SERVICES) in [from, to). */
  record Incident(int[] services, int from, int to) {
    boolean hits(int service, int minute) {
      if (minute < from || minute >= to) {
        return false;
      }
      for (int s : services) {
        if (s == service) {
          return true;
        }
      }
      return false;
    }
  }

  private final long start;
  private final SplittableRandom random;

  OutageTelemetry(Instant start, long seed) {
    this.start = start.toEpochMilli();
    this.random = new SplittableRandom(seed);
  }

  void write(Path file, int fromMinute, int toMinute, Incident... incidents) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int minute = fromMinute; minute < toMinute; minute++) {
        for (int s = 0; s < SERVICES.length; s++) {
          boolean incident = false;
          for (Incident i : incidents) {
            incident |= i.hits(s, minute);
          }
          writeMinute(w, SERVICES[s], minute, incident);
        }
      }
    }
  }

  private void writeMinute(Writer w, String[] svc, int minute, boolean incident) throws IOException {
    double load = 0.5 + 0.3 * Math.sin(2 * Math.PI * ((minute % 1440) / 60.0 - 6) / 24);
    for (int r = 0; r < 2; r++) {
      long t = start + minute * 60_000L + 5_000L + r * 7_000L + random.nextInt(3_000);
      double cpu = Math.max(0, Math.min(1, load * 0.8 + random.nextGaussian() * 0.03));
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
}
