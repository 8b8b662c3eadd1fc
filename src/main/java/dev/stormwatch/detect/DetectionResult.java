package dev.stormwatch.detect;

/**
 * A detector's verdict on one window: an anomaly score in [0, 1] with the signals and log lines
 * that explain it.
 *
 * <p>{@code contributorSignals[i]} has weight {@code contributorWeights[i]} (weights sum to at most
 * 1, largest first). {@code fallback} is true when the configured detector did not answer in time
 * and the baseline scored the window instead.
 */
public class DetectionResult {
  public String provider = "";
  public String service = "";
  public String region = "";
  public long windowStart;
  public long windowEnd;
  public boolean live;
  public double score;
  public String modelVersion = "";
  public String[] contributorSignals = new String[0];
  public double[] contributorWeights = new double[0];
  public String[] logEvidence = new String[0];
  /** Short human-readable reason, e.g. "latency_p99_ms 9.1 sigma above its baseline". */
  public String reason = "";
  public boolean fallback;
  /**
   * The detector's own uncertainty about {@code score}: a standard deviation (e.g. of an ensemble,
   * MC-dropout passes or an immature baseline); 0 when the detector does not say.
   */
  public double scoreSpread;
  /**
   * True when the detector could not judge the window (e.g. the model knows none of the key's
   * signals yet); its score 0 then means "no opinion", not "normal".
   */
  public boolean abstained;
  /**
   * A score that may raise an early warning but never pages on its own (in {@code
   * hybrid-confirmed}: the hybrid model's score before the baseline confirms it); NaN when the
   * detector has none. See {@link dev.stormwatch.alert.EarlyWarningPolicy}.
   */
  public double earlyScore = Double.NaN;

  public DetectionResult() {}

  /** A result for a window with its identity fields copied. */
  public static DetectionResult forWindow(dev.stormwatch.window.WindowAssembly w) {
    DetectionResult r = new DetectionResult();
    r.provider = w.provider;
    r.service = w.service;
    r.region = w.region;
    r.windowStart = w.start;
    r.windowEnd = w.end;
    r.live = w.live;
    return r;
  }

  /** A shallow copy (arrays shared). */
  public static DetectionResult copyOf(DetectionResult d) {
    DetectionResult r = new DetectionResult();
    r.provider = d.provider;
    r.service = d.service;
    r.region = d.region;
    r.windowStart = d.windowStart;
    r.windowEnd = d.windowEnd;
    r.live = d.live;
    r.score = d.score;
    r.modelVersion = d.modelVersion;
    r.contributorSignals = d.contributorSignals;
    r.contributorWeights = d.contributorWeights;
    r.logEvidence = d.logEvidence;
    r.reason = d.reason;
    r.fallback = d.fallback;
    r.scoreSpread = d.scoreSpread;
    r.abstained = d.abstained;
    r.earlyScore = d.earlyScore;
    return r;
  }

  /** The keyBy key of the scored window. */
  public String key() {
    return dev.stormwatch.event.Keys.of(provider, service);
  }
}
