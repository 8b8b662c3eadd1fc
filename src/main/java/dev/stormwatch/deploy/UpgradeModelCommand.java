package dev.stormwatch.deploy;

import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.model.ModelManifest;
import dev.stormwatch.model.peers.PeerKind;
import dev.stormwatch.model.peers.PeerManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/upgrade-model.sh}: swaps the model of a running job (a hybrid model artifact, or
 * a GNN forecaster for the {@code gnn} detectors) through a savepoint.
 * It reads how the job was submitted (from the cluster, else a descriptor), refuses an
 * incompatible model before touching the job, stops the job with a savepoint, resubmits the same
 * jar and arguments with the new {@code --model} from that savepoint and waits until it runs. If
 * the new job does not start, the previous model is resubmitted from the same savepoint.
 */
public final class UpgradeModelCommand {
  static final String USAGE = "usage: upgrade-model.sh --job ID --model models/<name>/<version>"
      + " [--cluster URL] [--descriptor jobs/X.yaml] [--jar JAR] [--dir SAVEPOINT_DIR]"
      + " [--timeout-s N] [--wait-s N]\n"
      + "The job's jar and arguments come from the cluster (jobs submitted by submit.sh), else from"
      + " --descriptor. Roll back: the same command with the previous --model.";

  private final FlinkRestClient rest;
  private final Options o;

  private UpgradeModelCommand(Options o) {
    this.o = o;
    this.rest = new FlinkRestClient(o.cluster);
  }

  /** Parsed command line. */
  static final class Options {
    String cluster = Cli.defaultCluster();
    String job = "";
    String model = "";
    String descriptor = "";
    String jar = "";
    String dir = "";
    int timeoutSeconds = 180;
    int waitSeconds = 120;
  }

  public static void main(String[] args) throws Exception {
    Options o = new Options();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--job" -> o.job = Cli.value(args, ++i);
          case "--model" -> o.model = Cli.value(args, ++i);
          case "--cluster" -> o.cluster = Cli.value(args, ++i);
          case "--descriptor" -> o.descriptor = Cli.value(args, ++i);
          case "--jar" -> o.jar = Cli.value(args, ++i);
          case "--dir" -> o.dir = Cli.uri(Cli.value(args, ++i));
          case "--timeout-s" -> o.timeoutSeconds = Integer.parseInt(Cli.value(args, ++i));
          case "--wait-s" -> o.waitSeconds = Integer.parseInt(Cli.value(args, ++i));
          case "-h", "--help" -> {
            System.out.println(USAGE);
            return;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (!o.job.matches("[0-9a-f]{32}") || o.model.isEmpty()) {
        throw new IllegalArgumentException("--job (32 hex digits) and --model are required");
      }
    } catch (IllegalArgumentException e) {
      Cli.fail(e.getMessage() + "\n" + USAGE, 2);
    }
    try {
      new UpgradeModelCommand(o).run();
    } catch (IOException | IllegalArgumentException e) {
      Cli.fail("upgrade-model: " + e.getMessage(), 1);
    }
  }

  private void run() throws IOException, InterruptedException {
    String state = rest.jobState(o.job);
    if (!state.equals("RUNNING")) {
      throw new IOException("job " + o.job + " is " + state + ", not RUNNING; resume it first"
          + " (scripts/submit.sh --from-savepoint PATH)");
    }
    Resubmission how = resubmission();
    JobConfig cfg = ConfigLoader.fromArgs(how.job.args().toArray(String[]::new)).validate();
    Path currentDir = Cli.resolve(cfg.modelDir).toAbsolutePath().normalize();
    Path newDir = Cli.resolve(o.model).toAbsolutePath().normalize();
    Swap swap = cfg.usesModel() ? hybridSwap(cfg, currentDir, newDir)
        : cfg.usesForecaster() ? forecasterSwap(cfg, currentDir, newDir) : null;
    if (swap == null) {
      throw new IOException("job " + o.job + " runs the " + cfg.detector + " detector; --model"
          + " applies to the detectors that serve a model (hybrid, hybrid-confirmed, hybrid-novelty,"
          + " gnn, gnn-confirmed)");
    }
    if (!swap.problems().isEmpty()) {
      throw new IOException("refusing to replace " + swap.from() + " (" + currentDir
          + ") of job " + o.job + " with " + newDir + ":\n  - " + String.join("\n  - ", swap.problems())
          + "\nthe job was not touched");
    }
    SubmittedJob upgraded = how.job.withArgs(withModel(how.job.args(), newDir.toString()));
    System.err.printf("job %s: %s -> %s, stopping with a savepoint...%n", o.job, swap.from(),
        swap.to());
    String savepoint = rest.stopWithSavepoint(o.job, o.dir, false, Duration.ofSeconds(o.timeoutSeconds));
    System.err.println("job " + o.job + " stopped with savepoint " + savepoint);
    String newJob;
    try {
      newJob = start(upgraded, savepoint, how);
    } catch (IOException e) {
      System.err.println("the upgraded job did not start (" + e.getMessage() + "); resubmitting"
          + " " + swap.from() + " from " + savepoint);
      String back = start(how.job, savepoint, how);
      throw new IOException("upgrade failed; job " + back + " runs " + swap.from()
          + " again from savepoint " + savepoint, e);
    }
    System.out.println("old job   " + o.job + " (" + swap.from() + ")");
    System.out.println("savepoint " + savepoint);
    System.out.println("new job   " + newJob + " (" + swap.to() + ")");
  }

  /** The served and the new model's names, and why the new one cannot replace it (empty: it can). */
  private record Swap(String from, String to, List<String> problems) {}

  private Swap hybridSwap(JobConfig cfg, Path currentDir, Path newDir) throws IOException {
    ModelManifest current = manifest(currentDir, "the served model");
    ModelManifest candidate = manifest(newDir, "the new model");
    List<String> problems = new ArrayList<>(ModelCompatibility.problems(current, candidate,
        cfg.windowSlide.toMillis(), cfg.windowSteps(), candidate.logDim > 0 ? servableEmbedding() : null));
    if (!Files.isRegularFile(newDir.resolve(ModelManifest.MODEL_NAME + "-0000.params"))) {
      problems.add("no " + ModelManifest.MODEL_NAME + "-0000.params in " + newDir);
    }
    return new Swap("hybrid-" + current.modelVersion, "hybrid-" + candidate.modelVersion, problems);
  }

  private static Swap forecasterSwap(JobConfig cfg, Path currentDir, Path newDir)
      throws IOException {
    PeerManifest current = PeerManifest.read(currentDir);
    PeerManifest candidate;
    try {
      candidate = PeerManifest.read(newDir);
    } catch (IOException e) {
      return new Swap("gnn-" + current.modelVersion, newDir.toString(), List.of(e.getMessage()));
    }
    List<String> problems = new ArrayList<>(ModelCompatibility.forecasterProblems(current,
        candidate, cfg.windowSlide.toMillis(), cfg.windowSteps()));
    if (!Files.isRegularFile(newDir.resolve(PeerKind.GNN.id() + "-0000.params"))) {
      problems.add("no " + PeerKind.GNN.id() + "-0000.params in " + newDir);
    }
    return new Swap("gnn-" + current.modelVersion, "gnn-" + candidate.modelVersion, problems);
  }

  private String start(SubmittedJob job, String savepoint, Resubmission how)
      throws IOException, InterruptedException {
    String jobId = rest.runJar(job.jarId(), job.runRequest(savepoint, how.claimMode, how.allowNonRestored));
    System.err.println("submitted job " + jobId + " from savepoint " + savepoint);
    SubmitCommand.awaitRunning(rest, jobId, Duration.ofSeconds(o.waitSeconds));
    return jobId;
  }

  /** How to resubmit: the stored submission or the descriptor, with a jar id the cluster has. */
  private record Resubmission(SubmittedJob job, String claimMode, boolean allowNonRestored) {}

  private Resubmission resubmission() throws IOException {
    if (!o.descriptor.isEmpty()) {
      JobDescriptor d = JobDescriptor.load(Cli.resolve(o.descriptor));
      Path jar = o.jar.isEmpty() ? SubmitCommand.findJar(d) : Cli.resolve(o.jar);
      String jarId = rest.uploadJar(jar);
      return new Resubmission(new SubmittedJob(jarId, jar.getFileName().toString(), d.runRequest(null)),
          d.claimMode(), d.allowNonRestoredState());
    }
    SubmittedJob stored = SubmittedJob.fromJobConfig(rest.get("jobs/" + o.job + "/config"))
        .orElseThrow(() -> new IOException("job " + o.job + " carries no " + SubmittedJob.PARAMETER
            + " parameter (not submitted by submit.sh); pass --descriptor jobs/<X>.yaml"));
    if (!rest.hasJar(stored.jarId())) {
      if (o.jar.isEmpty()) {
        throw new IOException("the cluster no longer has the job's jar " + stored.jarName()
            + " (" + stored.jarId() + "); pass --jar or --descriptor");
      }
      Path jar = Cli.resolve(o.jar);
      stored = stored.withJar(rest.uploadJar(jar), jar.getFileName().toString());
    }
    return new Resubmission(stored, "NO_CLAIM", false);
  }

  private static ModelManifest manifest(Path dir, String what) throws IOException {
    Path file = dir.resolve(ModelManifest.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("cannot read " + what + "'s manifest: no " + file);
    }
    return ModelManifest.read(file);
  }

  /** The arguments with {@code --model} set to {@code modelDir} (replaced, or appended). */
  static List<String> withModel(List<String> args, String modelDir) {
    List<String> out = new ArrayList<>(args);
    int at = out.lastIndexOf("--model");
    if (at >= 0 && at + 1 < out.size()) {
      out.set(at + 1, modelDir);
    } else {
      out.add("--model");
      out.add(modelDir);
    }
    return out;
  }

  /** The embedding model this jar bundles, or null (with the reason on stderr) when it cannot open. */
  private static ModelCompatibility.ServableEmbedding servableEmbedding() {
    try {
      dev.stormwatch.model.EmbeddingModel e = dev.stormwatch.model.EmbeddingModel.bundled();
      return new ModelCompatibility.ServableEmbedding(e.id(), e.sha256(), e.dimension());
    } catch (IOException e) {
      System.err.println("upgrade-model: " + e.getMessage());
      return null;
    }
  }
}
