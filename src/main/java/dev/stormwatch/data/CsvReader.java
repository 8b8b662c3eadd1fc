package dev.stormwatch.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads RFC 4180 CSV records: comma-separated fields, optionally double-quoted, {@code ""} inside a
 * quoted field is one quote, and quoted fields may span lines; CR LF and LF both end a record.
 */
public final class CsvReader implements Closeable {
  private final Reader in;
  private final StringBuilder field = new StringBuilder(256);
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private int pushedBack = -2;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** Opens a UTF-8 file, gunzipping it when its name ends in {@code .gz}. */
  public static CsvReader open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    InputStream body = file.getFileName().toString().endsWith(".gz")
        ? new GZIPInputStream(raw, 1 << 16) : raw;
    return new CsvReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  /** The next record's fields, or null at the end of the input. */
  public List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    field.setLength(0);
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException("CSV input ends inside a quoted field");
        }
        if (c == '"') {
          int n = read();
          if (n == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = n;
            continue;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == -1) {
        break;
      } else if (c == '\r') {
        int n = read();
        if (n != '\n') {
          pushedBack = n;
        }
        break;
      } else {
        field.append((char) c);
      }
      c = read();
    }
    fields.add(field.toString());
    return fields;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
