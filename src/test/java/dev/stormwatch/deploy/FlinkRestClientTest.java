package dev.stormwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST client against a fake Flink REST endpoint on 127.0.0.1 that records the requests. */
class FlinkRestClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JOB = "0123456789abcdef0123456789abcdef";
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger statusPolls = new AtomicInteger();
  private volatile byte[] uploaded;
  private volatile JsonNode runBody;
  private volatile JsonNode stopBody;
  private volatile String savepointReply;
  private HttpServer server;
  private FlinkRestClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    client = new FlinkRestClient("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(ex.getRequestMethod() + " " + path);
    byte[] body = ex.getRequestBody().readAllBytes();
    String reply;
    int code = 200;
    if (path.equals("/jars/upload")) {
      uploaded = body;
      reply = "{\"filename\":\"/tmp/flink-web/flink-web-upload/abc_job.jar\",\"status\":\"success\"}";
    } else if (path.equals("/jars/abc_job.jar/run")) {
      runBody = JSON.readTree(body);
      reply = "{\"jobid\":\"" + JOB + "\"}";
    } else if (path.equals("/jobs/" + JOB + "/stop")) {
      stopBody = JSON.readTree(body);
      reply = "{\"request-id\":\"trigger-1\"}";
    } else if (path.equals("/jobs/" + JOB + "/savepoints/trigger-1")) {
      reply = statusPolls.incrementAndGet() < 3 ? "{\"status\":{\"id\":\"IN_PROGRESS\"}}" : savepointReply;
    } else if (path.equals("/jars")) {
      reply = "{\"address\":\"http://127.0.0.1\",\"files\":[{\"id\":\"abc_job.jar\",\"name\":\"job.jar\"}]}";
    } else if (path.equals("/jobs/" + JOB + "/config")) {
      reply = "{\"jid\":\"" + JOB + "\",\"execution-config\":{\"user-config\":{\"k\":\"v\"}}}";
    } else if (path.equals("/jobs/" + JOB)) {
      reply = "{\"jid\":\"" + JOB + "\",\"state\":\"RUNNING\"}";
    } else {
      code = 404;
      reply = "{\"errors\":[\"Not found: " + path + "\"]}";
    }
    byte[] out = reply.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(code, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  @Test
  void uploadsJarAsMultipartAndRunsIt(@TempDir Path dir) throws Exception {
    Path jar = Files.write(dir.resolve("job.jar"), new byte[] {'P', 'K', 3, 4, 42});
    String jarId = client.uploadJar(jar);
    assertThat(jarId).isEqualTo("abc_job.jar");
    String multipart = new String(uploaded, StandardCharsets.ISO_8859_1);
    assertThat(multipart).contains("name=\"jarfile\"; filename=\"job.jar\"")
        .contains(new String(new byte[] {'P', 'K', 3, 4, 42}, StandardCharsets.ISO_8859_1));

    String jobId = client.runJar(jarId, Map.of("entryClass", "a.B", "programArgsList", List.of("--x", "1"),
        "savepointPath", "file:/sp/savepoint-1"));
    assertThat(jobId).isEqualTo(JOB);
    assertThat(runBody.get("entryClass").asText()).isEqualTo("a.B");
    assertThat(runBody.get("programArgsList").toString()).isEqualTo("[\"--x\",\"1\"]");
    assertThat(runBody.get("savepointPath").asText()).isEqualTo("file:/sp/savepoint-1");
    assertThat(client.jobState(jobId)).isEqualTo("RUNNING");
  }

  @Test
  void readsJobConfigAndListsUploadedJars() throws Exception {
    assertThat(client.get("/jobs/" + JOB + "/config").path("execution-config").path("user-config")
        .path("k").asText()).isEqualTo("v");
    assertThat(client.hasJar("abc_job.jar")).isTrue();
    assertThat(client.hasJar("gone_job.jar")).isFalse();
  }

  @Test
  void stopWithSavepointPollsTheTriggerUntilCompleted() throws Exception {
    savepointReply = "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"file:/sp/savepoint-2\"}}";
    String location = client.stopWithSavepoint(JOB, "file:///sp", false, Duration.ofSeconds(10));
    assertThat(location).isEqualTo("file:/sp/savepoint-2");
    assertThat(stopBody.get("targetDirectory").asText()).isEqualTo("file:///sp");
    assertThat(stopBody.get("drain").asBoolean()).isFalse();
    assertThat(statusPolls.get()).isEqualTo(3);
  }

  @Test
  void failedSavepointAndHttpErrorsBecomeExceptions() {
    savepointReply = "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"failure-cause\":"
        + "{\"serialized-throwable\":\"CheckpointException: task not running\"}}}";
    assertThatThrownBy(() -> client.stopWithSavepoint(JOB, "", true, Duration.ofSeconds(10)))
        .hasMessageContaining("savepoint failed").hasMessageContaining("task not running");
    assertThat(stopBody.has("targetDirectory")).isFalse();
    assertThatThrownBy(() -> client.jobState("ffffffffffffffffffffffffffffffff"))
        .hasMessageContaining("HTTP 404").hasMessageContaining("Not found: /jobs/ffff");
  }
}
