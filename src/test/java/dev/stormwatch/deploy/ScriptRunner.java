package dev.stormwatch.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repo's shell scripts for end-to-end tests with extra environment variables, keeping
 * each run's stdout and stderr in a log file; a failure or timeout reports the script's output.
 */
final class ScriptRunner {
  private final Path root;
  private final Path logs;
  private final Map<String, String> env;
  private int runs;
  private Path lastOut;
  private Path lastErr;

  ScriptRunner(Path root, Path logs, Map<String, String> env) throws IOException {
    this.root = root;
    this.logs = Files.createDirectories(logs);
    this.env = Map.copyOf(env);
  }

  /** A TCP port on 127.0.0.1 that was free a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Runs {@code script args...} from the repo root and returns its stdout; throws unless exit 0. */
  String run(int timeoutSeconds, String script, String... args) throws IOException, InterruptedException {
    Process p = launch(script, args);
    Path out = lastOut;
    Path err = lastErr;
    List<String> command = List.of(script, String.join(" ", args));
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s\n" + output(out, err));
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(command + " exited with " + p.exitValue() + "\n" + output(out, err));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code script args...} expecting it to fail: returns its stderr and stdout; throws if it
   * exits 0 or does not finish within {@code timeoutSeconds}.
   */
  String runExpectingFailure(int timeoutSeconds, String script, String... args)
      throws IOException, InterruptedException {
    Process p = launch(script, args);
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish within " + timeoutSeconds + " s");
    }
    String output = output(lastOut, lastErr);
    if (p.exitValue() == 0) {
      throw new AssertionError(script + " succeeded but should have failed\n" + output);
    }
    return output;
  }

  /** Starts {@code script args...} in the background (logs as for {@link #run}); the caller stops it. */
  Process start(String script, String... args) throws IOException {
    return launch(script, args);
  }

  private Process launch(String script, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve(script).toString());
    command.addAll(List.of(args));
    String name = String.format("%02d-%s", ++runs, Path.of(script).getFileName());
    lastOut = logs.resolve(name + ".out");
    lastErr = logs.resolve(name + ".err");
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
        .redirectOutput(lastOut.toFile()).redirectError(lastErr.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Runs {@code script stop}; failures are printed, not thrown (for finally blocks). */
  void stopQuietly(String script) {
    try {
      System.err.print(run(90, script, "stop"));
    } catch (IOException | InterruptedException | AssertionError e) {
      System.err.println("could not stop with " + script + ": " + e.getMessage());
    }
  }

  /** Kills (TERM, then KILL after 20 s) the processes whose pids are in files a stop left behind. */
  static void killLeftovers(Path... pidFiles) {
    for (Path f : pidFiles) {
      try {
        if (!Files.exists(f)) {
          continue;
        }
        long pid = Long.parseLong(Files.readString(f).strip());
        ProcessHandle.of(pid).ifPresent(h -> {
          System.err.println("killing leftover pid " + pid + " from " + f);
          h.destroy();
          try {
            h.onExit().get(20, TimeUnit.SECONDS);
          } catch (Exception e) {
            h.destroyForcibly();
          }
        });
      } catch (IOException | NumberFormatException e) {
        System.err.println("could not read " + f + ": " + e.getMessage());
      }
    }
  }

  private static String output(Path out, Path err) throws IOException {
    return "---- stdout ----\n" + Files.readString(out, StandardCharsets.UTF_8)
        + "---- stderr ----\n" + Files.readString(err, StandardCharsets.UTF_8);
  }
}
