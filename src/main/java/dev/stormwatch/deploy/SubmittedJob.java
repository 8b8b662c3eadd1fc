package dev.stormwatch.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a job was submitted (uploaded jar id and file name, and the {@code /jars/:id/run} body without
 * its savepoint fields). {@code submit.sh} stores it in the job's global job parameters (key
 * {@value #PARAMETER}, base64url JSON), so {@code upgrade-model.sh} can read a running job's jar and
 * arguments back from {@code GET /jobs/:id/config} and resubmit them.
 */
public record SubmittedJob(String jarId, String jarName, Map<String, Object> request) {
  /** Global job parameter holding the encoded submission. */
  public static final String PARAMETER = "stormwatch.submitted";
  private static final String GLOBAL_PARAMETERS = "pipeline.global-job-parameters";
  private static final ObjectMapper JSON = new ObjectMapper();

  public SubmittedJob {
    Map<String, Object> copy = new LinkedHashMap<>(request);
    copy.remove("savepointPath");
    copy.remove("claimMode");
    copy.remove("allowNonRestoredState");
    Map<String, String> conf = new TreeMap<>(flinkConfiguration(copy));
    conf.remove(GLOBAL_PARAMETERS);
    copy.put("flinkConfiguration", conf);
    copy.put("programArgsList", List.copyOf(programArgs(copy)));
    request = Map.copyOf(copy);
  }

  /** The program arguments of the job. */
  public List<String> args() {
    return programArgs(request);
  }

  /** The same submission with other program arguments. */
  public SubmittedJob withArgs(List<String> args) {
    Map<String, Object> copy = new LinkedHashMap<>(request);
    copy.put("programArgsList", List.copyOf(args));
    return new SubmittedJob(jarId, jarName, copy);
  }

  /** The same submission for another uploaded jar. */
  public SubmittedJob withJar(String newJarId, String newJarName) {
    return new SubmittedJob(newJarId, newJarName, request);
  }

  /**
   * The run body to send: the request, the encoded submission as a global job parameter and, with
   * a non-empty {@code savepointPath}, the restore settings.
   */
  public Map<String, Object> runRequest(String savepointPath, String claimMode, boolean allowNonRestored)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>(request);
    Map<String, String> conf = new TreeMap<>(flinkConfiguration(request));
    conf.put(GLOBAL_PARAMETERS, PARAMETER + ":" + encode());
    body.put("flinkConfiguration", conf);
    if (savepointPath != null && !savepointPath.isEmpty()) {
      body.put("savepointPath", savepointPath);
      body.put("claimMode", claimMode);
      body.put("allowNonRestoredState", allowNonRestored);
    }
    return body;
  }

  /** Base64url (no padding) of the JSON form: only letters, digits, '-' and '_'. */
  String encode() throws IOException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("jarId", jarId);
    all.put("jarName", jarName);
    all.put("request", request);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(all));
  }

  static SubmittedJob decode(String encoded) throws IOException {
    JsonNode all = JSON.readTree(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
    Map<String, Object> request = JSON.convertValue(all.path("request"), new TypeReference<>() {});
    return new SubmittedJob(all.path("jarId").asText(), all.path("jarName").asText(), request);
  }

  /** The submission stored in a {@code GET /jobs/:id/config} reply, if submit.sh stored one. */
  public static Optional<SubmittedJob> fromJobConfig(JsonNode config) throws IOException {
    JsonNode value = config.path("execution-config").path("user-config").path(PARAMETER);
    return value.isTextual() ? Optional.of(decode(value.asText())) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> flinkConfiguration(Map<String, Object> request) {
    Object conf = request.get("flinkConfiguration");
    Map<String, String> out = new TreeMap<>();
    if (conf instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  private static List<String> programArgs(Map<String, Object> request) {
    List<String> out = new ArrayList<>();
    if (request.get("programArgsList") instanceof List<?> l) {
      l.forEach(a -> out.add(String.valueOf(a)));
    }
    return out;
  }
}
