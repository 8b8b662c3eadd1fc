package dev.stormwatch.model;

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

/** Reads input-contract JSON Lines files ({@code .gz} allowed) into events; invalid lines are skipped and counted. */
public final class TelemetryFiles {
  private long rejected;

  /** Lines rejected by the parser so far. */
  public long rejected() {
    return rejected;
  }

  /** Appends the valid events of {@code file}, flagged as warm-up when asked, to {@code out}. */
  public void read(Path file, boolean warmup, List<TelemetryEvent> out) throws IOException {
    RecordParser parser = new RecordParser();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = reader.readLine()) != null) {
        ParseResult r = parser.parse(line, file.toString());
        if (r.isEvent()) {
          out.add(warmup ? r.event().asWarmup() : r.event());
        } else if (r.isDeadLetter()) {
          rejected++;
        }
      }
    }
  }

  /** All valid events of the warm-up files (flagged) followed by those of the input files. */
  public List<TelemetryEvent> readAll(List<Path> warmup, List<Path> inputs) throws IOException {
    List<TelemetryEvent> events = new ArrayList<>();
    for (Path p : warmup) {
      read(p, true, events);
    }
    for (Path p : inputs) {
      read(p, false, events);
    }
    return events;
  }
}
