package dev.stormwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The few calls of the Flink REST API that deploy the job: upload and run a jar, read a job's
 * state, and stop a job with a savepoint (polling the asynchronous trigger until it completes).
 */
public final class FlinkRestClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** {@code baseUrl} like {@code http://127.0.0.1:8081}. */
  public FlinkRestClient(String baseUrl) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  /** Uploads a jar ({@code POST /jars/upload}) and returns its jar id. */
  public String uploadJar(Path jar) throws IOException {
    String boundary = "stormwatch-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(jar));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(base.resolve("jars/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    JsonNode reply = send(request);
    String file = reply.path("filename").asText("");
    if (!"success".equals(reply.path("status").asText()) || file.isEmpty()) {
      throw new IOException("jar upload failed: " + reply);
    }
    return Path.of(file).getFileName().toString();
  }

  /** Runs an uploaded jar ({@code POST /jars/:id/run}) and returns the job id. */
  public String runJar(String jarId, Map<String, Object> runRequest) throws IOException {
    JsonNode reply = post("jars/" + jarId + "/run", runRequest);
    String jobId = reply.path("jobid").asText("");
    if (jobId.isEmpty()) {
      throw new IOException("run request returned no job id: " + reply);
    }
    return jobId;
  }

  /** The job's state ({@code RUNNING}, {@code FINISHED}, ...) from {@code GET /jobs/:id}. */
  public String jobState(String jobId) throws IOException {
    return send(HttpRequest.newBuilder(base.resolve("jobs/" + jobId)).GET().build())
        .path("state").asText();
  }

  /** GETs a REST path such as {@code jobs/:id/config} and returns the JSON reply. */
  public JsonNode get(String path) throws IOException {
    return send(HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
        .GET().build());
  }

  /** True when {@code GET /jars} still lists an uploaded jar with this id. */
  public boolean hasJar(String jarId) throws IOException {
    for (JsonNode f : get("jars").path("files")) {
      if (f.path("id").asText().equals(jarId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stops the job with a savepoint ({@code POST /jobs/:id/stop}) and waits until the savepoint is
   * written; returns its location. {@code targetDir} may be empty (the cluster's savepoint dir).
   */
  public String stopWithSavepoint(String jobId, String targetDir, boolean drain, Duration timeout)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    if (!targetDir.isEmpty()) {
      body.put("targetDirectory", targetDir);
    }
    body.put("drain", drain);
    String triggerId = post("jobs/" + jobId + "/stop", body).path("request-id").asText("");
    if (triggerId.isEmpty()) {
      throw new IOException("stop-with-savepoint was not accepted for job " + jobId);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    URI status = base.resolve("jobs/" + jobId + "/savepoints/" + triggerId);
    while (true) {
      JsonNode reply = send(HttpRequest.newBuilder(status).GET().build());
      if ("COMPLETED".equals(reply.path("status").path("id").asText())) {
        JsonNode op = reply.path("operation");
        if (op.hasNonNull("location")) {
          return op.get("location").asText();
        }
        throw new IOException("savepoint failed: " + op.path("failure-cause").path("serialized-throwable")
            .asText(op.path("failure-cause").toString()));
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("savepoint of job " + jobId + " not completed within " + timeout);
      }
      Thread.sleep(500);
    }
  }

  private JsonNode post(String path, Object body) throws IOException {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
  }

  private JsonNode send(HttpRequest request) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + request.uri(), e);
    } catch (IOException e) {
      throw new IOException("cannot reach the Flink REST API at " + request.uri() + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "); is the cluster running (scripts/flink-local.sh status)?", e);
    }
    JsonNode reply = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(request.method() + " " + request.uri() + " -> HTTP "
          + response.statusCode() + ": " + errors(reply));
    }
    return reply;
  }

  private static String errors(JsonNode reply) {
    JsonNode errors = reply.path("errors");
    if (!errors.isArray() || errors.isEmpty()) {
      return reply.toString();
    }
    StringBuilder out = new StringBuilder();
    errors.forEach(e -> out.append(e.asText()).append('\n'));
    return out.toString().strip();
  }
}
