package dev.stormwatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code scripts/submit.sh}: uploads the job jar to a Flink cluster over REST, runs it as a job
 * descriptor says (optionally from a savepoint), waits until the job is RUNNING and prints its id.
 */
public final class SubmitCommand {
  static final String USAGE = "usage: submit.sh [--cluster URL] [--jar JAR] [--from-savepoint PATH]"
      + " [--wait-s N] [jobs/<descriptor>.yaml]\n"
      + "defaults: cluster $FLINK_REST_URL or http://127.0.0.1:${FLINK_REST_PORT:-8081},"
      + " descriptor jobs/local-kafka.yaml, jar from the descriptor or target/stormwatch-*-job.jar,"
      + " wait 60 s for RUNNING (0 = do not wait)";
  private static final Set<String> FAILED = Set.of("FAILED", "CANCELED", "FINISHED", "SUSPENDED");

  private SubmitCommand() {}

  public static void main(String[] args) throws Exception {
    String cluster = Cli.defaultCluster();
    String jar = "";
    String savepoint = "";
    String descriptorFile = "jobs/local-kafka.yaml";
    int waitSeconds = 60;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--cluster" -> cluster = Cli.value(args, ++i);
          case "--jar" -> jar = Cli.value(args, ++i);
          case "--from-savepoint" -> savepoint = Cli.value(args, ++i);
          case "--wait-s" -> waitSeconds = Integer.parseInt(Cli.value(args, ++i));
          case "-h", "--help" -> {
            System.out.println(USAGE);
            return;
          }
          default -> {
            if (args[i].startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            descriptorFile = args[i];
          }
        }
      }
    } catch (IllegalArgumentException e) {
      Cli.fail(e.getMessage() + "\n" + USAGE, 2);
    }
    try {
      JobDescriptor job = JobDescriptor.load(Cli.resolve(descriptorFile));
      Path jarFile = jar.isEmpty() ? findJar(job) : Cli.resolve(jar);
      FlinkRestClient rest = new FlinkRestClient(cluster);
      String jarId = rest.uploadJar(jarFile);
      String from = savepoint.isEmpty() ? null : Cli.uri(savepoint);
      SubmittedJob submitted = new SubmittedJob(jarId, jarFile.getFileName().toString(),
          job.runRequest(null));
      String jobId = rest.runJar(jarId,
          submitted.runRequest(from, job.claimMode(), job.allowNonRestoredState()));
      System.err.printf("submitted %s (%s) to %s as job %s%s%n", job.name(), jarFile.getFileName(),
          cluster, jobId, from == null ? "" : " from savepoint " + from);
      if (waitSeconds > 0) {
        awaitRunning(rest, jobId, Duration.ofSeconds(waitSeconds));
      }
      System.out.println(jobId);
    } catch (IOException | IllegalArgumentException e) {
      Cli.fail(e.getMessage(), 1);
    }
  }

  static void awaitRunning(FlinkRestClient rest, String jobId, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String state = rest.jobState(jobId);
    while (!state.equals("RUNNING")) {
      if (FAILED.contains(state)) {
        throw new IOException("job " + jobId + " is " + state + " (see the JobManager log)");
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("job " + jobId + " still " + state + " after " + timeout);
      }
      Thread.sleep(250);
      state = rest.jobState(jobId);
    }
    System.err.println("job " + jobId + " is RUNNING");
  }

  /** The descriptor's jar, else the newest {@code target/stormwatch-*-job.jar}. */
  static Path findJar(JobDescriptor job) throws IOException {
    if (!job.jar().isEmpty()) {
      return Cli.resolve(job.jar());
    }
    Path target = Cli.resolve("target");
    try (var files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("stormwatch-.*-job\\.jar"))
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
          .orElseThrow(() -> new IOException("no target/stormwatch-*-job.jar: run mvn package"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException("no target/ directory: run mvn package", e);
    }
  }
}
