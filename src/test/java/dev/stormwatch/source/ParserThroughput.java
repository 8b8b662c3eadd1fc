package dev.stormwatch.source;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput harness (not a test): parses generated realistic JSON Lines records with one {@link
 * RecordParser} and prints records per second; optional first argument is the record count.
 */
public final class ParserThroughput {

  private static final String[] PROVIDERS = {"aws", "gcp", "azure"};
  private static final String[] REGIONS = {"us-east-1", "us-central1", "westeurope", "eu-west-1"};
  private static final String[] SERVICES = {"payments", "search", "checkout", "auth", "catalog"};
  private static final String[] METRICS = {
      "cpu_util", "mem_util", "latency_p50_ms", "latency_p99_ms", "error_rate", "rps"};
  private static final String[] SEVERITIES = {"INFO", "WARN", "ERROR", "DEBUG", "9", "17"};

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ParserThroughput() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String[] lines = generate(count, new Random(42));
    RecordParser parser = new RecordParser();
    for (int round = 1; round <= 3; round++) {
      long valid = 0;
      long dead = 0;
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      for (String line : lines) {
        ParseResult result = parser.parse(line, "bench");
        if (result.isEvent()) {
          valid++;
        } else if (result.isDeadLetter()) {
          dead++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: %,d records in %.2f s = %,.0f records/s wall,"
              + " %,.0f records/s per CPU-second (valid %,d, dead letters %,d)%n",
          round, count, seconds, count / seconds, count / cpuSeconds, valid, dead);
    }
    compareTimeParsing(lines.length);
  }

  /** Times IsoTime against Instant.parse on the contract's time shape. */
  private static void compareTimeParsing(int count) {
    String[] times = new String[count];
    long base = Instant.parse("2026-03-03T00:00:00Z").toEpochMilli();
    for (int i = 0; i < count; i++) {
      times[i] = Instant.ofEpochMilli(base + i * 137L).toString();
    }
    for (int round = 1; round <= 2; round++) {
      long sum = 0;
      long start = System.nanoTime();
      for (String time : times) {
        sum += IsoTime.parseMillis(time);
      }
      double fast = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      for (String time : times) {
        sum -= Instant.parse(time).toEpochMilli();
      }
      double slow = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "time parsing round %d: IsoTime %,.0f/s, Instant.parse %,.0f/s"
          + " (checksum %d)%n", round, count / fast, count / slow, sum);
    }
  }

  /** Realistic records: 80% metrics with 3-6 values, 19% logs, 1% malformed of various kinds. */
  static String[] generate(int count, Random random) {
    String[] lines = new String[count];
    long time = Instant.parse("2026-03-03T00:00:00Z").toEpochMilli();
    for (int i = 0; i < count; i++) {
      time += random.nextInt(20);
      int service = random.nextInt(SERVICES.length);
      int provider = random.nextInt(PROVIDERS.length);
      StringBuilder line = new StringBuilder(256);
      int dice = random.nextInt(100);
      line.append("{\"kind\":\"").append(dice < 80 ? "metric" : "log").append("\",\"time\":\"")
          .append(Instant.ofEpochMilli(time)).append("\",\"provider\":\"").append(PROVIDERS[provider])
          .append("\",\"region\":\"").append(REGIONS[random.nextInt(REGIONS.length)])
          .append("\",\"service\":\"").append(SERVICES[service]).append("\",\"resource\":\"")
          .append(SERVICES[service]).append('-').append(Integer.toHexString(random.nextInt(1 << 24)))
          .append('"');
      if (dice < 80) {
        line.append(",\"metrics\":{");
        int metrics = 3 + random.nextInt(4);
        for (int m = 0; m < metrics; m++) {
          line.append(m == 0 ? "" : ",").append('"').append(METRICS[m]).append("\":")
              .append(String.format(Locale.ROOT, "%.4f", random.nextDouble() * 100));
        }
        line.append('}');
      } else {
        String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
        boolean number = Character.isDigit(severity.charAt(0));
        line.append(",\"severity\":").append(number ? severity : '"' + severity + '"')
            .append(",\"message\":\"upstream connect error or disconnect/reset before headers."
                + " retried and the latest reset reason: connection timeout, request_id=")
            .append(Long.toHexString(random.nextLong())).append('"');
      }
      line.append('}');
      lines[i] = dice == 99 ? corrupt(line.toString(), random) : line.toString();
    }
    return lines;
  }

  private static String corrupt(String line, Random random) {
    switch (random.nextInt(3)) {
      case 0:
        return line.substring(0, line.length() / 2);
      case 1:
        return line.replace("\"provider\"", "\"provider_name\"");
      default:
        return line.replace("Z\"", "\"");
    }
  }
}
