package dev.stormwatch.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Appends lines to one local JSON Lines file (run it at parallelism 1). Lines are flushed on every
 * checkpoint and at the end of input; after a failover lines since the last checkpoint may be
 * written again (at-least-once), which the alerts' dedup keys make harmless.
 */
public class JsonLinesFileSink implements Sink<String> {
  private static final long serialVersionUID = 1L;

  private final String path;

  public JsonLinesFileSink(String path) {
    this.path = path;
  }

  @Override
  public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
    return new Writer(Path.of(path));
  }

  private static final class Writer implements SinkWriter<String> {
    private final BufferedWriter out;

    Writer(Path file) throws IOException {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    @Override
    public void write(String line, Context context) throws IOException {
      out.write(line);
      out.write('\n');
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
