package dev.stormwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deployment of the job (a {@code jobs/*.yaml} file): jar, entry class, program arguments,
 * parallelism and the checkpoint/savepoint policy, turned into a REST {@code /jars/:id/run} body.
 * Strings may use {@code ${VAR}} or {@code ${VAR:-default}} to read environment variables.
 */
public record JobDescriptor(String name, String jar, String entryClass, List<String> args,
    int parallelism, int maxParallelism, Map<String, String> flinkConfiguration,
    String savepointDir, String claimMode, boolean allowNonRestoredState) {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*))?}");
  private static final Set<String> TOP_LEVEL = Set.of("name", "jar", "entryClass", "args",
      "parallelism", "maxParallelism", "checkpoints", "savepoints", "config");
  private static final Map<String, String> CHECKPOINT_KEYS = Map.of(
      "interval", "execution.checkpointing.interval",
      "mode", "execution.checkpointing.mode",
      "min-pause", "execution.checkpointing.min-pause",
      "timeout", "execution.checkpointing.timeout",
      "retention", "execution.checkpointing.externalized-checkpoint-retention",
      "num-retained", "execution.checkpointing.num-retained",
      "incremental", "execution.checkpointing.incremental");
  private static final Set<String> CLAIM_MODES = Set.of("CLAIM", "NO_CLAIM");

  /** Reads a descriptor, resolving {@code ${VAR}} from the process environment. */
  public static JobDescriptor load(Path file) throws IOException {
    return parse(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), file.toString(),
        name -> System.getenv(name));
  }

  /** Builds a descriptor from parsed YAML; {@code env} looks up variables (null when unset). */
  static JobDescriptor parse(JsonNode root, String source, UnaryOperator<String> env) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": expected a YAML mapping");
    }
    root.fieldNames().forEachRemaining(k -> {
      if (!TOP_LEVEL.contains(k)) {
        throw new IllegalArgumentException(source + ": unknown key '" + k + "'");
      }
    });
    String entryClass = text(root, "entryClass", "", env);
    if (entryClass.isEmpty()) {
      throw new IllegalArgumentException(source + ": entryClass is required");
    }
    List<String> args = new ArrayList<>();
    root.path("args").forEach(a -> args.add(substitute(a.asText(), env)));
    int parallelism = root.path("parallelism").asInt(0);
    int maxParallelism = root.path("maxParallelism").asInt(0);
    if (parallelism < 0 || maxParallelism < 0 || (maxParallelism > 0 && parallelism > maxParallelism)) {
      throw new IllegalArgumentException(source + ": need 0 <= parallelism <= maxParallelism");
    }
    Map<String, String> conf = new LinkedHashMap<>();
    if (maxParallelism > 0) {
      conf.put("pipeline.max-parallelism", Integer.toString(maxParallelism));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("checkpoints").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = CHECKPOINT_KEYS.get(e.getKey());
      if (key == null) {
        throw new IllegalArgumentException(source + ": unknown checkpoints key '" + e.getKey()
            + "' (known: " + String.join(", ", CHECKPOINT_KEYS.keySet()) + ")");
      }
      conf.put(key, substitute(e.getValue().asText(), env));
    }
    root.path("config").fields().forEachRemaining(
        e -> conf.put(e.getKey(), substitute(e.getValue().asText(), env)));
    JsonNode sp = root.path("savepoints");
    String claimMode = text(sp, "claimMode", "NO_CLAIM", env).toUpperCase(java.util.Locale.ROOT);
    if (!CLAIM_MODES.contains(claimMode)) {
      throw new IllegalArgumentException(source + ": savepoints.claimMode must be CLAIM or NO_CLAIM");
    }
    return new JobDescriptor(text(root, "name", "stormwatch", env), text(root, "jar", "", env),
        entryClass, List.copyOf(args), parallelism, maxParallelism, Map.copyOf(conf),
        text(sp, "dir", "", env), claimMode, sp.path("allowNonRestoredState").asBoolean(false));
  }

  /** The JSON body of {@code POST /jars/:id/run}; {@code savepointPath} may be null. */
  public Map<String, Object> runRequest(String savepointPath) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entryClass", entryClass);
    body.put("programArgsList", args);
    if (parallelism > 0) {
      body.put("parallelism", parallelism);
    }
    body.put("flinkConfiguration", new java.util.TreeMap<>(flinkConfiguration));
    if (savepointPath != null && !savepointPath.isEmpty()) {
      body.put("savepointPath", savepointPath);
      body.put("claimMode", claimMode);
      body.put("allowNonRestoredState", allowNonRestoredState);
    }
    return body;
  }

  private static String text(JsonNode node, String field, String fallback, UnaryOperator<String> env) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? fallback : substitute(v.asText(), env);
  }

  /** Replaces {@code ${VAR}} and {@code ${VAR:-default}}; an unset variable without default fails. */
  static String substitute(String value, UnaryOperator<String> env) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = env.apply(m.group(1));
      if (v == null || v.isEmpty()) {
        if (m.group(2) == null) {
          throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set");
        }
        v = m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }
}
