package dev.stormwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stormwatch.alert.routing.RoutingConfigReader;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link JobConfig} from a YAML file (sections input, kafka, feedback, output, window,
 * detector, alert, delivery, routing, runtime; unknown keys are errors) and command-line options,
 * which win over the file.
 */
public final class ConfigLoader {
  private static final String ROUTING_PREFIX = "routing.";

  private ConfigLoader() {}

  /** Parses command-line arguments (see {@link #usage()}), reading {@code --config FILE} first. */
  public static JobConfig fromArgs(String[] args) throws IOException {
    JobConfig c = new JobConfig();
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--config")) {
        applyYaml(c, new File(args[i + 1]));
      }
    }
    List<String> inputs = new ArrayList<>();
    List<String> warmups = new ArrayList<>();
    List<String> feedback = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--bounded")) {
        c.kafkaBounded = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value\n" + usage());
      }
      String v = args[++i];
      switch (a) {
        case "--config" -> { }
        case "--input" -> inputs.add(v);
        case "--warmup" -> warmups.add(v);
        case "--feedback" -> feedback.add(v);
        case "--feedback-topic" -> c.feedbackTopic = v;
        case "--output" -> c.outputDir = v;
        case "--kafka" -> c.kafkaBootstrap = v;
        case "--input-topic" -> c.inputTopics = List.of(v.split(","));
        case "--alerts-topic" -> c.alertsTopic = v;
        case "--dead-letter-topic" -> c.deadLetterTopic = v;
        case "--starting-offsets" -> c.startingOffsets = v;
        case "--group" -> c.consumerGroup = v;
        case "--parallelism" -> c.parallelism = Integer.parseInt(v);
        case "--max-parallelism" -> c.maxParallelism = Integer.parseInt(v);
        case "--detector" -> c.detector = v;
        case "--model" -> c.modelDir = v;
        case "--device" -> c.device = v;
        case "--early-warning" -> c.earlyWarning = onOff("--early-warning", v);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
      }
    }
    if (!inputs.isEmpty()) {
      c.inputFiles = inputs;
    }
    if (!warmups.isEmpty()) {
      c.warmupFiles = warmups;
    }
    if (!feedback.isEmpty()) {
      c.feedbackFiles = feedback;
    }
    return c;
  }

  /** Command-line help. */
  public static String usage() {
    return String.join("\n",
        "options: [--config FILE] [--input FILE ...] [--warmup FILE ...] [--feedback FILE ...] [--output DIR]",
        "         [--kafka HOST:PORT] [--input-topic T[,T]] [--alerts-topic T] [--dead-letter-topic T]",
        "         [--feedback-topic T]",
        "         [--starting-offsets earliest|latest|committed] [--group ID] [--bounded]",
        "         [--parallelism N] [--max-parallelism N] [--detector baseline|hybrid|hybrid-confirmed|hybrid-novelty|novelty|gnn|gnn-confirmed] [--model DIR]",
        "         [--device auto|cpu|cuda:N] [--early-warning on|off]");
  }

  private static boolean onOff(String option, String v) {
    return switch (v) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default -> throw new IllegalArgumentException(option + " must be on or off, got '" + v + "'");
    };
  }

  /** Applies a YAML configuration file on top of {@code c}. */
  public static void applyYaml(JobConfig c, File file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> f = section.getValue().fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> e = f.next();
        set(c, section.getKey() + "." + e.getKey(), e.getValue(), file);
      }
    }
  }

  private static void set(JobConfig c, String key, JsonNode v, File file) {
    switch (key) {
      case "input.files" -> c.inputFiles = strings(v);
      case "input.warmup" -> c.warmupFiles = strings(v);
      case "kafka.bootstrap" -> c.kafkaBootstrap = v.asText();
      case "kafka.input-topics" -> c.inputTopics = strings(v);
      case "kafka.group" -> c.consumerGroup = v.asText();
      case "kafka.starting-offsets" -> c.startingOffsets = v.asText();
      case "kafka.bounded" -> c.kafkaBounded = v.asBoolean();
      case "kafka.alerts-topic" -> c.alertsTopic = v.asText();
      case "kafka.dead-letter-topic" -> c.deadLetterTopic = v.asText();
      case "kafka.feedback-topic" -> c.feedbackTopic = v.asText();
      case "feedback.files" -> c.feedbackFiles = strings(v);
      case "feedback.half-life" -> c.feedbackHalfLife = DurationParser.parse(v.asText());
      case "feedback.hold-unknown" -> c.feedbackHold = DurationParser.parse(v.asText());
      case "output.dir" -> c.outputDir = v.asText();
      case "window.length" -> c.windowLength = DurationParser.parse(v.asText());
      case "window.slide" -> c.windowSlide = DurationParser.parse(v.asText());
      case "window.max-out-of-orderness" -> c.maxOutOfOrderness = DurationParser.parse(v.asText());
      case "window.allowed-lateness" -> c.allowedLateness = DurationParser.parse(v.asText());
      case "window.idle-timeout" -> c.idleTimeout = DurationParser.parse(v.asText());
      case "window.key-retention" -> c.keyRetention = DurationParser.parse(v.asText());
      case "window.max-metrics" -> c.maxMetrics = v.asInt();
      case "window.max-future" -> c.maxFuture = DurationParser.parse(v.asText());
      case "detector.name" -> c.detector = v.asText();
      case "detector.model" -> c.modelDir = v.asText();
      case "detector.device" -> c.device = v.asText();
      case "detector.timeout" -> c.asyncTimeout = DurationParser.parse(v.asText());
      case "detector.capacity" -> c.asyncCapacity = v.asInt();
      case "detector.batch-size" -> c.batchSize = v.asInt();
      case "detector.batch-max-delay" -> c.batchMaxDelay = DurationParser.parse(v.asText());
      case "alert.threshold" -> c.alertThreshold = v.asDouble();
      case "alert.raise-after" -> c.raiseAfter = v.asInt();
      case "alert.resolve-threshold" -> c.resolveThreshold = v.asDouble();
      case "alert.resolve-after" -> c.resolveAfter = v.asInt();
      case "alert.decide-on" -> c.decideOn = v.asText();
      case "alert.prior-incident-rate" -> c.priorIncidentRate = v.asDouble();
      case "alert.prior-strength" -> c.priorStrength = v.asDouble();
      case "alert.early-warning" -> earlyWarning(c, v, file);
      case "delivery.max-pending" -> c.delivery.maxPending = v.asInt();
      case "delivery.max-age" -> c.delivery.maxAge = DurationParser.parse(v.asText());
      case "delivery.alertmanager-resend" -> c.delivery.alertmanagerResend = DurationParser.parse(v.asText());
      case "delivery.request-timeout" -> c.delivery.requestTimeout = DurationParser.parse(v.asText());
      case "delivery.base-backoff" -> c.delivery.baseBackoff = DurationParser.parse(v.asText());
      case "delivery.max-backoff" -> c.delivery.maxBackoff = DurationParser.parse(v.asText());
      case "delivery.pagerduty-per-minute" -> c.delivery.pagerDutyPerMinute = v.asDouble();
      case "delivery.pagerduty-burst" -> c.delivery.pagerDutyBurst = v.asDouble();
      case "delivery.slack-interval" -> c.delivery.slackInterval = DurationParser.parse(v.asText());
      case "delivery.drain-timeout" -> c.delivery.drainTimeout = DurationParser.parse(v.asText());
      case "runtime.parallelism" -> c.parallelism = v.asInt();
      case "runtime.max-parallelism" -> c.maxParallelism = v.asInt();
      default -> {
        if (!key.startsWith(ROUTING_PREFIX)) {
          throw new IllegalArgumentException("unknown setting '" + key + "' in " + file);
        }
        try {
          RoutingConfigReader.apply(c.routing, key.substring(ROUTING_PREFIX.length()), v);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(e.getMessage() + " in " + file, e);
        }
      }
    }
  }

  /**
   * {@code alert.early-warning}: {@code {enabled, threshold, raise-after, clear-threshold,
   * clear-after, min-history}}.
   */
  private static void earlyWarning(JobConfig c, JsonNode v, File file) {
    if (!v.isObject()) {
      throw new IllegalArgumentException("alert.early-warning must be a map (enabled, threshold,"
          + " raise-after, clear-threshold, clear-after, min-history) in " + file);
    }
    for (Iterator<Map.Entry<String, JsonNode>> f = v.fields(); f.hasNext(); ) {
      Map.Entry<String, JsonNode> e = f.next();
      JsonNode x = e.getValue();
      switch (e.getKey()) {
        case "enabled" -> c.earlyWarning = x.asBoolean();
        case "threshold" -> c.earlyWarningThreshold = x.asDouble();
        case "raise-after" -> c.earlyWarningRaiseAfter = x.asInt();
        case "clear-threshold" -> c.earlyWarningClearThreshold = x.asDouble();
        case "clear-after" -> c.earlyWarningClearAfter = x.asInt();
        case "min-history" -> c.earlyWarningMinHistory = DurationParser.parse(x.asText());
        default -> throw new IllegalArgumentException(
            "unknown setting 'alert.early-warning." + e.getKey() + "' in " + file);
      }
    }
  }

  private static List<String> strings(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(n -> out.add(n.asText()));
    } else if (!v.isNull()) {
      out.add(v.asText());
    }
    return out;
  }
}
