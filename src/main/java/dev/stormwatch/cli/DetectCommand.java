package dev.stormwatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stormwatch.StormwatchJob;
import dev.stormwatch.alert.AlertLifecycle;
import dev.stormwatch.alert.routing.AlertRouter;
import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.sink.JsonCodec;
import dev.stormwatch.source.ParseRecords;
import dev.stormwatch.window.WindowAssembler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the job on an embedded Flink MiniCluster over files (bounded) or Kafka, writes {@code
 * alerts.jsonl}, {@code dead-letter.jsonl} and {@code summary.json} into the output directory, and
 * with {@code --progress} prints progress and each alert as it is raised.
 */
public final class DetectCommand {
  /** Detector of a run without {@code --config} or {@code --detector}. */
  static final String DEFAULT_DETECTOR = "hybrid-confirmed";
  /** Model artifact of that default, relative to the repository root. */
  static final String DEFAULT_MODEL = "models/hybrid/v4";

  private DetectCommand() {}

  public static void main(String[] args) throws Exception {
    List<String> jobArgs = new ArrayList<>();
    boolean progress = false;
    for (String a : args) {
      if (a.equals("--progress")) {
        progress = true;
      } else if (a.equals("-h") || a.equals("--help")) {
        System.out.println("usage: detect.sh --input FILE [--input FILE ...] --output DIR [--warmup FILE] [--feedback FILE]"
            + " [--config FILE] [--progress]\n" + ConfigLoader.usage());
        return;
      } else {
        jobArgs.add(a);
      }
    }
    JobConfig cfg;
    try {
      cfg = ConfigLoader.fromArgs(withDefaultDetector(jobArgs, home()).toArray(new String[0])).validate();
    } catch (IllegalArgumentException e) {
      System.err.println("stormwatch: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      System.exit(run(cfg, progress) ? 0 : 1);
    } catch (Exception e) {
      // Flink's embedded cluster leaves non-daemon threads behind: exit explicitly on failure
      System.err.println("stormwatch: the job failed: " + e);
      e.printStackTrace(System.err);
      System.exit(1);
    }
  }

  /**
   * The command's own default detector: without {@code --config} or {@code --detector}, the shipped
   * hybrid model confirmed by the baseline ({@code hybrid-confirmed}, {@link #DEFAULT_MODEL} under
   * the repository root); otherwise the arguments unchanged.
   */
  static List<String> withDefaultDetector(List<String> args, String home) {
    if (args.contains("--config") || args.contains("--detector")) {
      return args;
    }
    List<String> out = new ArrayList<>(List.of("--detector", DEFAULT_DETECTOR, "--model",
        Path.of(home).resolve(DEFAULT_MODEL).toString()));
    out.addAll(args);
    return out;
  }

  /** Runs the job to completion (or until interrupted, for unbounded Kafka input). */
  public static boolean run(JobConfig cfg, boolean progress) throws Exception {
    long started = System.nanoTime();
    Path out = cfg.outputDir.isEmpty() ? null : Path.of(cfg.outputDir);
    if (out != null) {
      Files.createDirectories(out);
      Files.deleteIfExists(out.resolve(StormwatchJob.ALERTS_FILE));
      Files.deleteIfExists(out.resolve(StormwatchJob.DEAD_LETTER_FILE));
      Files.deleteIfExists(out.resolve(StormwatchJob.NOTIFICATIONS_FILE));
      Files.deleteIfExists(out.resolve("summary.json"));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfig());
    StormwatchJob.build(env, cfg);
    JobClient client = env.executeAsync("stormwatch");
    ProgressPrinter printer = progress && out != null
        ? new ProgressPrinter(client, out.resolve(StormwatchJob.ALERTS_FILE)) : null;
    JobExecutionResult result;
    try {
      if (printer != null) {
        printer.start();
      }
      result = client.getJobExecutionResult().get();
    } finally {
      if (printer != null) {
        printer.stop();
      }
    }
    double wall = (System.nanoTime() - started) / 1e9;
    ObjectNode summary = summary(result.getAllAccumulatorResults(), wall);
    if (out != null) {
      Files.writeString(out.resolve("summary.json"),
          JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
    }
    System.out.println("summary: " + summary);
    return true;
  }

  static ObjectNode summary(Map<String, Object> acc, double wallSeconds) {
    ObjectNode s = JsonCodec.mapper().createObjectNode();
    long parseDead = count(acc, ParseRecords.DEAD_LETTER_COUNT);
    long late = count(acc, WindowAssembler.LATE_COUNTER);
    long overLimit = count(acc, WindowAssembler.OVER_LIMIT_COUNTER);
    s.put("records_in", count(acc, ParseRecords.RECORDS_IN));
    s.put("records_valid", count(acc, ParseRecords.RECORDS_VALID));
    s.put("dead_letters", parseDead + late + overLimit);
    s.put("late_records", late);
    s.put("records_over_limit", overLimit);
    s.put("windows_scored", count(acc, AlertLifecycle.SCORED_COUNTER));
    s.put("windows_fallback", count(acc, AlertLifecycle.FALLBACK_COUNTER));
    s.put("alerts_firing", count(acc, AlertLifecycle.FIRING_COUNTER));
    s.put("alerts_resolved", count(acc, AlertLifecycle.RESOLVED_COUNTER));
    s.put("early_warnings", count(acc, AlertLifecycle.EARLY_WARNING_COUNTER));
    for (String routing : List.of(AlertRouter.ROUTED_COUNTER, AlertRouter.GROUPED_COUNTER,
        AlertRouter.SILENCED_COUNTER, AlertRouter.INHIBITED_COUNTER, AlertRouter.REPEATED_COUNTER,
        AlertRouter.CANCELLED_COUNTER)) {
      s.put(routing, count(acc, routing));
    }
    s.put("feedback_applied", count(acc, AlertLifecycle.FEEDBACK_COUNTER));
    s.put("feedback_rejected", count(acc, dev.stormwatch.feedback.ParseFeedback.REJECTED_COUNTER));
    s.put("wall_seconds", Math.round(wallSeconds * 10) / 10.0);
    return s;
  }

  /** The repository root: {@code -Dstormwatch.home}, {@code STORMWATCH_HOME}, or the working directory. */
  static String home() {
    return System.getProperty("stormwatch.home", System.getenv().getOrDefault("STORMWATCH_HOME", "."));
  }

  static long count(Map<String, Object> acc, String name) {
    Object v = acc.get(name);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  /**
   * The Flink configuration of the embedded run: flink-conf/config.yaml with a local checkpoint
   * directory and a free REST port.
   */
  static Configuration flinkConfig() {
    File confDir = new File(home(), "flink-conf");
    Configuration conf = confDir.isDirectory()
        ? GlobalConfiguration.loadConfiguration(confDir.getAbsolutePath()) : new Configuration();
    // the embedded cluster's REST endpoint takes any free port, so it never clashes with a
    // standalone cluster's web UI on 8081
    conf.set(RestOptions.BIND_PORT, "0");
    if (!conf.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
          new File(home(), "out/checkpoints").getAbsoluteFile().toURI().toString());
    }
    return conf;
  }
}
