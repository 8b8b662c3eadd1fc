package dev.stormwatch.deploy;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code scripts/savepoint.sh stop --job ID}: stops a job with a savepoint over REST, waits for it
 * and prints the savepoint path (resume with {@code submit.sh --from-savepoint PATH}).
 */
public final class SavepointCommand {
  static final String USAGE = "usage: savepoint.sh stop --job ID [--cluster URL] [--dir DIR] [--drain]"
      + " [--timeout-s N]\n"
      + "defaults: cluster $FLINK_REST_URL or http://127.0.0.1:${FLINK_REST_PORT:-8081}, dir = the"
      + " cluster's execution.checkpointing.savepoint-dir, timeout 120 s";

  private SavepointCommand() {}

  public static void main(String[] args) throws Exception {
    String cluster = Cli.defaultCluster();
    String job = "";
    String dir = "";
    boolean drain = false;
    int timeoutSeconds = 120;
    try {
      if (args.length == 0 || !args[0].equals("stop")) {
        throw new IllegalArgumentException(args.length == 0 || args[0].startsWith("-h")
            ? "" : "unknown command " + args[0]);
      }
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--job" -> job = Cli.value(args, ++i);
          case "--cluster" -> cluster = Cli.value(args, ++i);
          case "--dir" -> dir = Cli.uri(Cli.value(args, ++i));
          case "--drain" -> drain = true;
          case "--timeout-s" -> timeoutSeconds = Integer.parseInt(Cli.value(args, ++i));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (!job.matches("[0-9a-f]{32}")) {
        throw new IllegalArgumentException("--job needs a 32-hex-digit job id");
      }
    } catch (IllegalArgumentException e) {
      Cli.fail((e.getMessage().isEmpty() ? "" : e.getMessage() + "\n") + USAGE, 2);
    }
    try {
      String location = new FlinkRestClient(cluster)
          .stopWithSavepoint(job, dir, drain, Duration.ofSeconds(timeoutSeconds));
      System.err.println("job " + job + " stopped with savepoint " + location);
      System.out.println(location);
    } catch (IOException e) {
      Cli.fail(e.getMessage(), 1);
    }
  }
}
