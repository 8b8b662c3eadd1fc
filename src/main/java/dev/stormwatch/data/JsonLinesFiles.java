package dev.stormwatch.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes JSON Lines files, gzipped when the name ends in {@code .gz}. */
public final class JsonLinesFiles {
  private JsonLinesFiles() {}

  /** Writes the lines in list order, one per line. */
  public static void write(Path file, List<TimedLine> lines) throws IOException {
    try (Writer w = open(file)) {
      for (TimedLine l : lines) {
        w.write(l.json());
        w.write('\n');
      }
    }
  }

  /** Writes plain strings, one per line. */
  public static void writeStrings(Path file, List<String> lines) throws IOException {
    try (Writer w = open(file)) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    }
  }

  private static Writer open(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    OutputStream out = Files.newOutputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      out = new GZIPOutputStream(out, 1 << 16);
    }
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }
}
