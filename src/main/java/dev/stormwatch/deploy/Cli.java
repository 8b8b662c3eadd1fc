package dev.stormwatch.deploy;

import java.nio.file.Path;

/** Small helpers shared by the deployment commands: option values, paths, the default cluster. */
final class Cli {
  private Cli() {}

  /** {@code $FLINK_REST_URL}, else the local cluster on {@code $FLINK_REST_PORT} (8081). */
  static String defaultCluster() {
    String url = System.getenv("FLINK_REST_URL");
    if (url != null && !url.isEmpty()) {
      return url;
    }
    String port = System.getenv("FLINK_REST_PORT");
    return "http://127.0.0.1:" + (port == null || port.isEmpty() ? "8081" : port);
  }

  static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** A path relative to the repository root ({@code -Dstormwatch.home}) unless absolute. */
  static Path resolve(String path) {
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      return p;
    }
    String home = System.getProperty("stormwatch.home");
    Path cwd = Path.of("").toAbsolutePath();
    return cwd.resolve(p).toFile().exists() || home == null ? cwd.resolve(p) : Path.of(home).resolve(p);
  }

  /** A local path as an absolute {@code file:} URI; strings with a scheme are kept. */
  static String uri(String pathOrUri) {
    if (pathOrUri.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*") || pathOrUri.startsWith("file:")) {
      return pathOrUri;
    }
    return Path.of(pathOrUri).toAbsolutePath().normalize().toUri().toString();
  }

  static void fail(String message, int code) {
    System.err.println(message);
    System.exit(code);
  }
}
