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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Slack incoming-webhook stand-in on 127.0.0.1: accepts Block Kit messages (a text fallback and
 * at most 50 blocks, each with a type) with 200 "ok", 400 otherwise, and records their wall-clock
 * arrival times; when messages come closer than {@code minGapMillis} it answers 429 with a
 * Retry-After, as Slack does.
 */
public final class FakeSlack implements AutoCloseable {
  /** One accepted message. */
  public record Message(long atMillis, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String PATH = "/services/T000/B000/XXXXSECRET";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final List<Message> messages = new ArrayList<>();
  private final long minGapMillis;
  private int throttled;
  private int invalid;
  private long lastAt = Long.MIN_VALUE / 2;

  public FakeSlack(long minGapMillis) throws IOException {
    this.minGapMillis = minGapMillis;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(PATH, this::handle);
    server.start();
  }

  public String webhookUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  public synchronized List<Message> messages() {
    return List.copyOf(messages);
  }

  public synchronized int throttled() {
    return throttled;
  }

  public synchronized int invalid() {
    return invalid;
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    try (ex) {
      long now = System.currentTimeMillis();
      JsonNode body;
      try {
        body = JSON.readTree(ex.getRequestBody().readAllBytes());
      } catch (IOException e) {
        body = null;
      }
      if (body == null || body.path("text").asText().isEmpty() || !body.path("blocks").isArray()
          || body.get("blocks").size() > 50 || blockWithoutType(body.get("blocks"))) {
        invalid++;
        reply(ex, 400, "invalid_blocks", null);
        return;
      }
      if (now - lastAt < minGapMillis) {
        throttled++;
        reply(ex, 429, "rate_limited", "1");
        return;
      }
      lastAt = now;
      messages.add(new Message(now, body));
      reply(ex, 200, "ok", null);
    }
  }

  private static boolean blockWithoutType(JsonNode blocks) {
    for (JsonNode b : blocks) {
      if (b.path("type").asText().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static void reply(HttpExchange ex, int status, String body, String retryAfter) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (retryAfter != null) {
      ex.getResponseHeaders().add("Retry-After", retryAfter);
    }
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
