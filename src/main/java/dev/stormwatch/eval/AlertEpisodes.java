package dev.stormwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Builds alert episodes from alert events of the output contract. Events are taken in event-time
 * order (file order among equal times). Per dedup key: a firing event opens an episode when none is
 * open (further firing events while open are updates of the same episode), a resolved event closes
 * the open one (a resolved event with none open is ignored); episodes still open at the end last to
 * the latest event time in the file. Early-warning events never open or close episodes; {@link
 * #warnings} collects them.
 */
public final class AlertEpisodes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertEpisodes() {}

  /** One alert event: the fields episode building needs. */
  public record Event(
      String dedupKey, String status, String provider, String service, Instant time) {}

  /** Reads the alert events of a JSON Lines file ({@code .gz} allowed); blank lines skipped. */
  public static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    try (InputStream in = open(file);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          events.add(event(JSON.readTree(line)));
        } catch (IOException | IllegalArgumentException e) {
          throw new IOException(file + ":" + number + ": not an alert event: " + e.getMessage(), e);
        }
      }
    }
    return events;
  }

  /** The episodes of alert events produced in-process (e.g. by an offline replay), ordered by start. */
  public static List<AlertEpisode> episodesOf(List<dev.stormwatch.event.AlertEvent> alerts) {
    return episodes(eventsOf(alerts));
  }

  private static List<Event> eventsOf(List<dev.stormwatch.event.AlertEvent> alerts) {
    List<Event> events = new ArrayList<>(alerts.size());
    for (dev.stormwatch.event.AlertEvent a : alerts) {
      events.add(new Event(a.dedupKey(), a.status(), a.provider(), a.service(), Instant.parse(a.eventTime())));
    }
    return events;
  }

  /** The early-warning spans of alert events produced in-process, ordered by start. */
  public static List<AlertEpisode> warningsOf(List<dev.stormwatch.event.AlertEvent> alerts) {
    return warnings(eventsOf(alerts));
  }

  /**
   * The early-warning spans of {@code events}, ordered by start: an {@code early_warning} event
   * opens one per dedup key, {@code early_warning_cleared} closes it ({@code resolved} false: it
   * calmed down) and a {@code firing} event of the same key ends it as escalated to a page ({@code
   * resolved} true); spans still open last to the end of the data.
   */
  public static List<AlertEpisode> warnings(List<Event> events) {
    return spans(events, "early_warning", Map.of("early_warning_cleared", false, "firing", true));
  }

  /** The episodes of {@code events}, ordered by start. */
  public static List<AlertEpisode> episodes(List<Event> events) {
    return spans(events, "firing", Map.of("resolved", true));
  }

  /**
   * Spans per dedup key in event-time order: an {@code opener} event opens one when none is open,
   * a status in {@code closers} closes the open one (its value is the span's {@code resolved}); spans
   * still open last to the latest event time. Ordered by start, then dedup key.
   */
  private static List<AlertEpisode> spans(List<Event> events, String opener,
      Map<String, Boolean> closers) {
    List<Event> ordered = new ArrayList<>(events);
    ordered.sort(Comparator.comparing(Event::time));
    Instant endOfData = ordered.isEmpty() ? Instant.EPOCH : ordered.get(ordered.size() - 1).time();
    Map<String, Event> open = new HashMap<>();
    List<AlertEpisode> spans = new ArrayList<>();
    for (Event e : ordered) {
      if (opener.equals(e.status())) {
        open.putIfAbsent(e.dedupKey(), e);
      } else if (closers.containsKey(e.status())) {
        Event first = open.remove(e.dedupKey());
        if (first != null) {
          spans.add(episode(first, e.time(), closers.get(e.status())));
        }
      }
    }
    for (Event first : open.values()) {
      spans.add(episode(first, endOfData, false));
    }
    spans.sort(Comparator.comparing(AlertEpisode::start).thenComparing(AlertEpisode::dedupKey));
    return spans;
  }

  private static AlertEpisode episode(Event first, Instant end, boolean resolved) {
    return new AlertEpisode(first.dedupKey(), first.provider(), first.service(), first.time(), end,
        resolved);
  }

  private static Event event(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    String provider = required(n, "provider");
    String service = required(n, "service");
    String key = n.hasNonNull("dedup_key") ? n.get("dedup_key").asText() : provider + "/" + service;
    return new Event(key, required(n, "status"), provider, service,
        TimeParsing.instant(required(n, "event_time")));
  }

  private static String required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing text field \"" + field + "\"");
    }
    return v.asText();
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }
}
