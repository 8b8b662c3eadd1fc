package dev.stormwatch.data;

import static org.assertj.core.api.Assertions.fail;

import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.source.ParseResult;
import dev.stormwatch.source.RecordParser;
import java.util.ArrayList;
import java.util.List;

/** Test helper: parses converter output with the job's {@link RecordParser}, failing on any dead letter. */
final class ParsedLines {
  private ParsedLines() {}

  static List<TelemetryEvent> parseAll(List<TimedLine> lines) {
    RecordParser parser = new RecordParser();
    List<TelemetryEvent> events = new ArrayList<>(lines.size());
    for (TimedLine l : lines) {
      ParseResult r = parser.parse(l.json(), "test");
      if (!r.isEvent() || r.event().timeMillis() != l.time()) {
        fail("not parsed into an event at its line time: " + l.json() + " -> " + r);
      }
      events.add(r.event());
    }
    return events;
  }
}
