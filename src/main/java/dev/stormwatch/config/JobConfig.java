package dev.stormwatch.config;

import dev.stormwatch.alert.delivery.DeliverySettings;
import dev.stormwatch.model.InferenceDevice;
import dev.stormwatch.alert.routing.RoutingConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed, validated settings of the Stormwatch job. Defaults are the documented production defaults;
 * {@link ConfigLoader} reads them from {@code conf/stormwatch.yaml} and command-line overrides.
 */
public class JobConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  // ---- input
  /** JSON Lines files (gzip accepted); bounded, except next to an unbounded Kafka input (see FileInputs). */
  public List<String> inputFiles = new ArrayList<>();
  /** History files processed first: they teach baselines but never raise alerts. */
  public List<String> warmupFiles = new ArrayList<>();
  /** Kafka bootstrap servers; empty means no Kafka. */
  public String kafkaBootstrap = "";
  public List<String> inputTopics = new ArrayList<>(List.of("stormwatch.telemetry"));
  public String consumerGroup = "stormwatch";
  /** earliest, latest or committed. */
  public String startingOffsets = "committed";
  /** Stop at the offsets that were latest when the job started (for replays and tests). */
  public boolean kafkaBounded = false;

  // ---- operator feedback
  /** JSON Lines files of operator verdicts on alerts ({@code dedup_key}, {@code verdict}, {@code time}). */
  public List<String> feedbackFiles = new ArrayList<>();
  /** Kafka topic of operator verdicts; empty means none. */
  public String feedbackTopic = "";
  /** Feedback evidence halves in weight after this much event time. */
  public Duration feedbackHalfLife = Duration.ofDays(14);
  /** How long (event time) feedback waits for its dedup key to appear before it is dead-lettered. */
  public Duration feedbackHold = Duration.ofHours(1);

  // ---- output
  /** Directory for alerts.jsonl and dead-letter.jsonl; empty means no file output. */
  public String outputDir = "";
  /** Kafka topics for alerts and dead letters; empty means not written to Kafka. */
  public String alertsTopic = "";
  public String deadLetterTopic = "";

  // ---- event time and windows
  public Duration windowLength = Duration.ofMinutes(10);
  public Duration windowSlide = Duration.ofMinutes(1);
  /** Watermark delay: records up to this much out of order are not late. */
  public Duration maxOutOfOrderness = Duration.ofSeconds(60);
  /** Extra time a pane stays open after the watermark passes its end. */
  public Duration allowedLateness = Duration.ZERO;
  /** A source split with no records for this long stops holding back the watermark. */
  public Duration idleTimeout = Duration.ofSeconds(30);
  /** A key's learned baseline is dropped after this much event time without records. */
  public Duration keyRetention = Duration.ofDays(7);
  /**
   * Distinct metric names one key keeps per window step, in its baseline and in its novelty
   * memory; a record's metrics beyond it become {@code over_limit} dead letters.
   */
  public int maxMetrics = dev.stormwatch.detect.BaselineConfig.DEFAULT_MAX_METRICS;
  /**
   * How far ahead of this machine's clock a record's time may be; a record further ahead (a host
   * with a wrong clock) is a {@code future_time} dead letter instead of moving the watermark. 0:
   * any time is accepted.
   */
  public Duration maxFuture = dev.stormwatch.source.FutureTimes.DEFAULT_MAX_FUTURE;

  // ---- detection
  /** {@code baseline}, {@code hybrid}, {@code hybrid-confirmed}, ... (see {@link dev.stormwatch.detect.Detectors}). */
  public String detector = "baseline";
  /** Model artifact directory of the hybrid detectors and of gnn. */
  public String modelDir = "models/hybrid/v4";
  /**
   * Where the model runs: {@code auto} (the first GPU when its runtime loads, else the CPU with one
   * INFO line), {@code cpu} or {@code cuda:N} (fails the detector's start when unusable).
   */
  public String device = "auto";
  public Duration asyncTimeout = Duration.ofSeconds(5);
  public int asyncCapacity = 256;
  public int batchSize = 32;
  public Duration batchMaxDelay = Duration.ofMillis(20);

  // ---- alerting
  /** Score at or above which a window counts as anomalous. */
  public double alertThreshold = 0.7;
  /** Consecutive anomalous windows before an alert fires. */
  public int raiseAfter = 2;
  /** Score below which a window counts towards resolving. */
  public double resolveThreshold = 0.5;
  /** Consecutive calm windows before a firing alert resolves. */
  public int resolveAfter = 5;
  /**
   * What the alert thresholds apply to: {@code score} (the detector's), {@code posterior} (the
   * Bayesian layer's), or {@code auto}: the score for the hybrid model alone (its scores sit near 0
   * or 1, so its warm-up makes no usable normal-score density), the posterior for {@code baseline}
   * and {@code hybrid-confirmed} (whose low scores are the baseline's).
   */
  public String decideOn = "auto";
  /** Prior mean of the share of windows that belong to an incident (Bayesian layer). */
  public double priorIncidentRate = 0.02;
  /** Weight of that prior, in pseudo-windows, for a key that has no history yet. */
  public double priorStrength = 200;
  /**
   * Early warnings (Slack only, never a page) from detectors that have an early score ({@code
   * hybrid-confirmed}: the hybrid model's own score before the baseline confirms); see {@link
   * dev.stormwatch.alert.EarlyWarningPolicy}.
   */
  public boolean earlyWarning = true;
  /** Early score at or above which a window counts towards an early warning. */
  public double earlyWarningThreshold = 0.9;
  /** Consecutive such windows that raise one. */
  public int earlyWarningRaiseAfter = 4;
  /** Early score below which a window counts towards clearing it. */
  public double earlyWarningClearThreshold = 0.5;
  /** Consecutive such windows that clear it. */
  public int earlyWarningClearAfter = 5;
  /** Event time a key must have been watched for (warm-up included) before it can warn. */
  public Duration earlyWarningMinHistory = Duration.ofHours(24);

  // ---- delivery (PagerDuty / Slack / Alertmanager; endpoints and secrets come from the environment)
  public DeliverySettings delivery = new DeliverySettings();
  // ---- notification routing (grouping, inhibition, silences); see docs/alert-routing.md
  public RoutingConfig routing = new RoutingConfig();

  // ---- runtime
  /** 0 means the environment's default. */
  public int parallelism = 0;
  /**
   * Upper bound of rescaling (the number of key groups); 0 takes Flink's
   * {@code pipeline.max-parallelism} and, when that is unset too, {@link #DEFAULT_MAX_PARALLELISM}.
   */
  public int maxParallelism = 0;

  public static final int DEFAULT_MAX_PARALLELISM = 128;

  /** Throws IllegalArgumentException naming the first invalid setting. */
  public JobConfig validate() {
    require(!windowSlide.isNegative() && !windowSlide.isZero(), "window.slide must be positive");
    require(windowLength.compareTo(windowSlide) >= 0, "window.length must be >= window.slide");
    require(windowLength.toMillis() % windowSlide.toMillis() == 0,
        "window.length must be a whole number of slides");
    require(!maxOutOfOrderness.isNegative(), "window.max-out-of-orderness must be >= 0");
    require(!allowedLateness.isNegative(), "window.allowed-lateness must be >= 0");
    require(maxMetrics >= 1 && maxMetrics <= 4096, "window.max-metrics must be in [1, 4096]");
    require(!maxFuture.isNegative(), "window.max-future must be >= 0 (0s accepts any time)");
    require(alertThreshold > 0 && alertThreshold <= 1, "alert.threshold must be in (0, 1]");
    require(resolveThreshold >= 0 && resolveThreshold <= alertThreshold,
        "alert.resolve-threshold must be in [0, alert.threshold]");
    require(List.of("auto", "score", "posterior").contains(decideOn),
        "alert.decide-on must be auto, score or posterior");
    require(priorIncidentRate > 0 && priorIncidentRate < 1 && priorStrength > 0,
        "alert.prior-incident-rate must be in (0, 1) and alert.prior-strength > 0");
    require(raiseAfter >= 1 && resolveAfter >= 1, "alert.raise-after and resolve-after must be >= 1");
    require(earlyWarningThreshold > 0 && earlyWarningThreshold <= 1
            && earlyWarningClearThreshold >= 0 && earlyWarningClearThreshold <= earlyWarningThreshold,
        "alert.early-warning: threshold must be in (0, 1] and clear-threshold in [0, threshold]");
    require(earlyWarningRaiseAfter >= 1 && earlyWarningClearAfter >= 1,
        "alert.early-warning: raise-after and clear-after must be >= 1");
    require(!earlyWarningMinHistory.isNegative(), "alert.early-warning: min-history must be >= 0");
    require(validDevice(device), "detector.device must be auto, cpu or cuda:N, got '" + device + "'");
    require(asyncCapacity >= 1 && batchSize >= 1, "detector.capacity and batch-size must be >= 1");
    require(maxParallelism >= 0 && parallelism >= 0
            && (maxParallelism == 0 || parallelism <= maxParallelism),
        "parallelism must be in [0, max-parallelism]");
    delivery.validate();
    require(List.of("earliest", "latest", "committed").contains(startingOffsets),
        "kafka.starting-offsets must be earliest, latest or committed");
    require(!inputFiles.isEmpty() || !kafkaBootstrap.isEmpty(),
        "no input: give input files or a Kafka bootstrap address");
    require(!outputDir.isEmpty() || !alertsTopic.isEmpty(),
        "no output: give an output directory or an alerts topic");
    require(alertsTopic.isEmpty() || !kafkaBootstrap.isEmpty(), "an alerts topic needs kafka.bootstrap");
    routing.validate();
    require(feedbackTopic.isEmpty() || !kafkaBootstrap.isEmpty(), "a feedback topic needs kafka.bootstrap");
    require(!feedbackHalfLife.isNegative() && !feedbackHalfLife.isZero() && !feedbackHold.isNegative(),
        "feedback.half-life must be positive and feedback.hold-unknown >= 0");
    return this;
  }

  /** True when alert thresholds apply to the Bayesian posterior (see {@link #decideOn}). */
  public boolean decidesOnPosterior() {
    return decideOn.equals("posterior") || (decideOn.equals("auto") && !detector.equals("hybrid"));
  }

  /** The early-warning tier as configured ({@code EarlyWarningPolicy.off()} when disabled). */
  public dev.stormwatch.alert.EarlyWarningPolicy earlyWarningPolicy() {
    return earlyWarning
        ? new dev.stormwatch.alert.EarlyWarningPolicy(earlyWarningThreshold, earlyWarningRaiseAfter,
            earlyWarningClearThreshold, earlyWarningClearAfter, earlyWarningMinHistory.toMillis())
        : dev.stormwatch.alert.EarlyWarningPolicy.off();
  }

  /** True when the detector serves the GNN forecaster artifact at {@link #modelDir}. */
  public boolean usesForecaster() {
    return dev.stormwatch.detect.Detectors.usesForecaster(detector);
  }

  /** True when the detector serves the hybrid model artifact at {@link #modelDir}. */
  public boolean usesModel() {
    return dev.stormwatch.detect.Detectors.usesModel(detector);
  }

  /** The parsed {@link #device}. */
  public InferenceDevice inferenceDevice() {
    return InferenceDevice.parse(device);
  }

  private static boolean validDevice(String device) {
    try {
      InferenceDevice.parse(device);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** How the alert operator learns from feedback: the half-life, other settings at their defaults. */
  public dev.stormwatch.alert.FeedbackLearning feedbackLearning() {
    dev.stormwatch.alert.FeedbackLearning d = dev.stormwatch.alert.FeedbackLearning.defaults(priorStrength);
    return new dev.stormwatch.alert.FeedbackLearning(feedbackHalfLife.toMillis(), d.pooledWeight(), d.serviceCap());
  }

  /** Window length in slides (steps). */
  public int windowSteps() {
    return (int) (windowLength.toMillis() / windowSlide.toMillis());
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("invalid configuration: " + message);
    }
  }
}
