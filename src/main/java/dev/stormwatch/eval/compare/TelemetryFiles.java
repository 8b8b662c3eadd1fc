package dev.stormwatch.eval.compare;

import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.source.ParseResult;
import dev.stormwatch.source.RecordParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads JSON Lines telemetry files ({@code .gz} accepted) with the job's record parser. */
public final class TelemetryFiles {
  private TelemetryFiles() {}

  /** The valid records of a file, in file order, and how many lines were dead letters. */
  public record Loaded(List<TelemetryEvent> events, long deadLetters) {}

  /** Parses every line of {@code file}; records are flagged as warm-up when {@code warmup}. */
  public static Loaded read(Path file, boolean warmup) throws IOException {
    RecordParser parser = new RecordParser();
    List<TelemetryEvent> events = new ArrayList<>();
    long dead = 0;
    String origin = file.toString();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = reader.readLine()) != null) {
        ParseResult r = parser.parse(line, origin);
        if (r.isEvent()) {
          events.add(warmup ? r.event().asWarmup() : r.event());
        } else if (r.isDeadLetter()) {
          dead++;
        }
      }
    }
    return new Loaded(events, dead);
  }
}
