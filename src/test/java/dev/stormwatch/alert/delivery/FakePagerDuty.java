package dev.stormwatch.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A PagerDuty stand-in on 127.0.0.1: validates Events API v2 and Change Events bodies exactly
 * (400 with the errors otherwise), answers 202, and keeps PagerDuty's incident semantics: a trigger
 * for a dedup_key with an open incident does not open another, a resolve closes it. Can be put
 * into an outage ({@link #failWith}) that answers every request with a status before recording it.
 */
public final class FakePagerDuty implements AutoCloseable {
  /** One accepted event, in arrival order. */
  public record Event(String action, String dedupKey, long atMillis, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

  private final String routingKey;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Event> events = new ArrayList<>();
  private final List<JsonNode> changes = new ArrayList<>();
  private final List<String> incidents = new ArrayList<>();
  private final Set<String> open = new HashSet<>();
  private final List<String> rejections = new ArrayList<>();
  private volatile int outageStatus;
  private volatile int refusedDuringOutage;
  private volatile int failAfterEvents = -1;
  private volatile int failAfterStatus;

  public FakePagerDuty(String routingKey) throws IOException {
    this(routingKey, 0);
  }

  /** Listens on {@code port} of 127.0.0.1 (0: any free port). */
  public FakePagerDuty(String routingKey, int port) throws IOException {
    this.routingKey = routingKey;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(executor);
    server.createContext("/v2/enqueue", ex -> handle(ex, false));
    server.createContext("/v2/change/enqueue", ex -> handle(ex, true));
    server.start();
  }

  public String eventsUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/enqueue";
  }

  /** Answers every request with {@code status} (e.g. 503) until {@link #recover}. */
  public void failWith(int status) {
    outageStatus = status;
  }

  /** Starts an outage answering {@code status} once {@code accepted} events have been accepted. */
  public void failAfter(int accepted, int status) {
    failAfterEvents = accepted;
    failAfterStatus = status;
  }

  public void recover() {
    failAfterEvents = -1;
    outageStatus = 0;
  }

  public int refusedDuringOutage() {
    return refusedDuringOutage;
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  public synchronized List<JsonNode> changes() {
    return List.copyOf(changes);
  }

  /** The dedup keys of the incidents opened, one entry per incident. */
  public synchronized List<String> incidents() {
    return List.copyOf(incidents);
  }

  public synchronized Set<String> openIncidents() {
    return Set.copyOf(open);
  }

  /** Validation errors of requests answered with 400. */
  public synchronized List<String> rejections() {
    return List.copyOf(rejections);
  }

  private void handle(HttpExchange ex, boolean change) throws IOException {
    try (ex) {
      byte[] raw = ex.getRequestBody().readAllBytes();
      synchronized (this) {
        if (failAfterEvents >= 0 && events.size() >= failAfterEvents) {
          outageStatus = failAfterStatus;
        }
      }
      if (outageStatus != 0) {
        refusedDuringOutage++;
        reply(ex, outageStatus, "{\"status\":\"unavailable\"}");
        return;
      }
      JsonNode body;
      try {
        body = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
      } catch (IOException e) {
        reply(ex, 400, "{\"status\":\"invalid event\",\"errors\":[\"not JSON\"]}");
        return;
      }
      String error = !"POST".equals(ex.getRequestMethod()) ? "method " + ex.getRequestMethod()
          : !String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")
              ? "content type" : change ? changeError(body) : eventError(body);
      if (error != null) {
        synchronized (this) {
          rejections.add(error);
        }
        reply(ex, 400, "{\"status\":\"invalid event\",\"errors\":[\"" + error + "\"]}");
        return;
      }
      String dedup = change ? "" : body.get("dedup_key").asText();
      synchronized (this) {
        if (change) {
          changes.add(body);
        } else {
          String action = body.get("event_action").asText();
          events.add(new Event(action, dedup, System.currentTimeMillis(), body));
          if (action.equals("trigger") && open.add(dedup)) {
            incidents.add(dedup);
          } else if (action.equals("resolve")) {
            open.remove(dedup);
          }
        }
      }
      reply(ex, 202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + dedup + "\"}");
    }
  }

  private String eventError(JsonNode b) {
    if (!routingKey.equals(b.path("routing_key").asText())) {
      return "routing_key";
    }
    String action = b.path("event_action").asText();
    if (!Set.of("trigger", "acknowledge", "resolve").contains(action)) {
      return "event_action";
    }
    String dedup = b.path("dedup_key").asText();
    if (dedup.isEmpty() || dedup.length() > 255) {
      return "dedup_key";
    }
    if (action.equals("trigger")) {
      JsonNode p = b.path("payload");
      if (p.path("summary").asText().isEmpty() || p.path("summary").asText().length() > 1024
          || p.path("source").asText().isEmpty() || !SEVERITIES.contains(p.path("severity").asText())) {
        return "payload";
      }
    }
    return null;
  }

  private String changeError(JsonNode b) {
    if (!routingKey.equals(b.path("routing_key").asText())) {
      return "routing_key";
    }
    JsonNode p = b.path("payload");
    return p.path("summary").asText().isEmpty() || p.path("summary").asText().length() > 1024
        ? "payload.summary" : null;
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
