package dev.stormwatch.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Splits a (gzipped) JSON Lines telemetry file into consecutive parts at event-time cut points,
 * keeping the line order; a line without a readable {@code time} stays in the current part.
 */
final class DemoSplit {
  private static final Pattern TIME = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]+)\"");

  private DemoSplit() {}

  /** Writes {@code part-0.jsonl} (before the first cut), {@code part-1.jsonl}, ... into {@code dir}. */
  static List<Path> write(Path gz, Path dir, Instant... cuts) throws IOException {
    List<Path> parts = new ArrayList<>();
    List<Writer> writers = new ArrayList<>();
    for (int i = 0; i <= cuts.length; i++) {
      parts.add(dir.resolve("part-" + i + ".jsonl"));
      writers.add(Files.newBufferedWriter(parts.get(i), StandardCharsets.UTF_8));
    }
    int part = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Matcher m = TIME.matcher(line);
        if (m.find()) {
          try {
            Instant t = Instant.parse(m.group(1));
            while (part < cuts.length && !t.isBefore(cuts[part])) {
              part++;
            }
          } catch (java.time.format.DateTimeParseException ignored) {
            // an invalid time is the job's to dead-letter; it stays in the current part
          }
        }
        writers.get(part).write(line);
        writers.get(part).write('\n');
      }
    } finally {
      for (Writer w : writers) {
        w.close();
      }
    }
    return parts;
  }
}
