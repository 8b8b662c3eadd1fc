package dev.stormwatch.detect.novelty;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.window.WindowAssembly;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One key's novelty: a {@link NoveltyScorer} per metric (default settings, learning silently for
 * {@link #LEARN_STEPS} steps, and the key as a whole for {@link #KEY_LEARN_STEPS}), fed the newest
 * step of each of the key's windows, in order. It annotates the window with each metric's novelty
 * for {@link NoveltyKeyDetector}, and round-trips through bytes so that the keyed window step keeps
 * it in Flink state beside the baseline. It keeps at most {@code maxMetrics} metrics: a new one
 * beyond that replaces the metric seen least recently, so a key whose metric names churn does not
 * grow its state without limit.
 */
public final class NoveltyMemory {
  /** Steps a new metric learns before it scores: an hour of one-minute steps. */
  public static final int LEARN_STEPS = 60;
  /**
   * Steps a new key learns before any of its metrics scores: six hours of one-minute steps. A
   * key's first scores are high while every metric's categories form, and warm-up scores teach the
   * decision layer what normal looks like; after one hour instead, they taught it that novelty
   * near 1 is normal (measured on the demo: 5 of 9 incidents paged on the posterior, against 9 of
   * 9). A metric that appears later, on a key already learned, needs only {@link #LEARN_STEPS}.
   */
  public static final int KEY_LEARN_STEPS = 360;
  private static final int FORMAT = 2;
  /** The format written before the robust-range learners: its learners no longer match. */
  private static final int FORMAT_BEFORE_ROBUST = 1;
  private static final Logger LOG = LoggerFactory.getLogger(NoveltyMemory.class);

  private final int maxMetrics;
  /** In access order: the first entry is the metric seen least recently. */
  private final Map<String, NoveltyScorer> metrics;
  private long steps;
  /** The size of the bytes this memory was read from: the next write's first buffer size. */
  private int sizeHint = 256;

  /** An empty memory of at most {@link BaselineConfig#DEFAULT_MAX_METRICS} metrics. */
  public NoveltyMemory() {
    this(BaselineConfig.DEFAULT_MAX_METRICS);
  }

  /** An empty memory of at most {@code maxMetrics} metrics. */
  public NoveltyMemory(int maxMetrics) {
    if (maxMetrics < 1) {
      throw new IllegalArgumentException("maxMetrics must be at least 1, got " + maxMetrics);
    }
    this.maxMetrics = maxMetrics;
    this.metrics = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, NoveltyScorer> eldest) {
        return size() > NoveltyMemory.this.maxMetrics;
      }
    };
  }

  /**
   * Scores and learns the window's newest step, metric by metric, and sets its {@code
   * metricNovelty} (NaN for a metric without a value in that step) and {@code noveltyLearning}
   * (true through the key's first {@link #KEY_LEARN_STEPS} steps and while every metric still
   * learns).
   */
  public void annotate(WindowAssembly w) {
    double[] novelty = new double[w.metricNames.length];
    for (int m = 0; m < novelty.length; m++) {
      double value = w.value(m, w.steps - 1);
      novelty[m] = Double.NaN;
      if (Double.isFinite(value)) {
        novelty[m] = metrics.computeIfAbsent(w.metricNames[m], name -> newScorer()).next(value);
      }
    }
    steps++;
    w.metricNovelty = novelty;
    w.noveltyLearning = steps <= KEY_LEARN_STEPS
        || metrics.values().stream().allMatch(NoveltyScorer::learning);
  }

  /** Metrics tracked. */
  public int metrics() {
    return metrics.size();
  }

  /** The metrics tracked, the one seen least recently first. */
  public List<String> metricNames() {
    return List.copyOf(metrics.keySet());
  }

  /** The memory as bytes, for {@link #fromBytes}. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint + 4096);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeLong(steps);
      out.writeInt(metrics.size());
      for (Map.Entry<String, NoveltyScorer> e : metrics.entrySet()) {
        out.writeUTF(e.getKey());
        e.getValue().writeState(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The memory {@link #toBytes} wrote; an empty memory for null and for the format written before
   * the robust-range learners (savepoints of the first release with novelty), whose key then
   * re-learns for {@link #KEY_LEARN_STEPS} steps.
   */
  public static NoveltyMemory fromBytes(byte[] bytes) {
    return fromBytes(bytes, BaselineConfig.DEFAULT_MAX_METRICS);
  }

  /**
   * {@link #fromBytes(byte[])} into a memory of at most {@code maxMetrics} metrics (when the bytes
   * hold more, the ones seen least recently are dropped).
   */
  public static NoveltyMemory fromBytes(byte[] bytes, int maxMetrics) {
    NoveltyMemory memory = new NoveltyMemory(maxMetrics);
    if (bytes == null) {
      return memory;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readInt();
      if (format == FORMAT_BEFORE_ROBUST) {
        LOG.debug("novelty state of format {} dropped: the key re-learns", format);
        return memory;
      }
      if (format != FORMAT) {
        throw new IOException("unknown novelty state format " + format);
      }
      memory.sizeHint = bytes.length;
      memory.steps = in.readLong();
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        NoveltyScorer scorer = newScorer();
        String name = in.readUTF();
        scorer.readState(in);
        memory.metrics.put(name, scorer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable novelty state: " + e.getMessage(), e);
    }
    return memory;
  }

  private static NoveltyScorer newScorer() {
    return new NoveltyScorer(NoveltySettings.defaults(), LEARN_STEPS);
  }
}
