package dev.stormwatch.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Scenario}: {@code history.jsonl[.gz]}, {@code live.jsonl[.gz]}, {@code
 * incidents.json}, {@code benign.json}, {@code scenario.json} (run metadata) and, when bad lines
 * were injected, {@code malformed.jsonl}.
 */
public final class ScenarioWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScenarioWriter() {}

  /** Writes every file into {@code config.out()} and returns the paths written. */
  public static List<Path> write(Scenario s) throws IOException {
    SimConfig c = s.config();
    Path dir = c.out();
    Files.createDirectories(dir);
    String ext = c.gzip() ? ".jsonl.gz" : ".jsonl";
    List<Path> written = new ArrayList<>();
    written.add(lines(dir.resolve("history" + ext), s.history(), c.gzip()));
    written.add(lines(dir.resolve("live" + ext), s.live(), c.gzip()));
    written.add(json(dir.resolve("incidents.json"), labels(s.incidents(), c)));
    written.add(json(dir.resolve("benign.json"), labels(s.benign(), c)));
    written.add(json(dir.resolve("scenario.json"), metadata(s)));
    Path malformed = dir.resolve("malformed.jsonl");
    if (!s.malformed().isEmpty()) {
      List<String> rows = new ArrayList<>();
      for (MalformedLines.Injected m : s.malformed()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("line_number", m.lineNumber());
        row.put("reason", m.reason());
        row.put("case", m.kind());
        rows.add(new ObjectMapper().writeValueAsString(row));
      }
      written.add(lines(malformed, rows, false));
    } else {
      Files.deleteIfExists(malformed);
    }
    return written;
  }

  /** The label objects of events: id, provider, region, service, kind, start, impact, end. */
  static List<Map<String, Object>> labels(List<ScenarioEvent> events, SimConfig c) {
    long base = c.start().toEpochMilli() / 60_000L * 60_000L;
    List<Map<String, Object>> out = new ArrayList<>();
    for (ScenarioEvent e : events) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.id());
      m.put("provider", e.service().provider());
      m.put("region", e.service().region());
      m.put("service", e.service().name());
      m.put("kind", e.kind().label());
      m.put("start", at(base, e.startMinute()));
      m.put("impact", at(base, e.impactMinute()));
      m.put("end", at(base, e.endMinute()));
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> metadata(Scenario s) {
    SimConfig c = s.config();
    long base = c.start().toEpochMilli() / 60_000L * 60_000L;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generator", "dev.stormwatch.sim.SimulateCommand");
    m.put("seed", c.seed());
    m.put("history_start", at(base, 0));
    m.put("live_start", at(base, c.historyMinutes()));
    m.put("live_end", at(base, c.totalMinutes()));
    m.put("providers", c.providers());
    m.put("services", s.services().size());
    m.put("history_records", s.history().size());
    m.put("live_records", s.live().size());
    m.put("malformed_lines", s.malformed().size());
    List<Map<String, Object>> services = new ArrayList<>();
    for (ServiceSpec spec : s.services()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("provider", spec.provider());
      row.put("region", spec.region());
      row.put("service", spec.name());
      row.put("resources", spec.resources());
      row.put("metrics", spec.profile().metrics());
      services.add(row);
    }
    m.put("topology", services);
    return m;
  }

  private static String at(long base, int minute) {
    return Instant.ofEpochMilli(base + minute * 60_000L).toString();
  }

  private static Path json(Path file, Object value) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static Path lines(Path file, List<String> lines, boolean gzip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream stream = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
            1 << 16)) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
    return file;
  }
}
