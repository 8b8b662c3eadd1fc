package dev.stormwatch.detect;

import dev.stormwatch.detect.novelty.NoveltyMemory;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.window.LogTemplates;
import dev.stormwatch.window.Pane;
import dev.stormwatch.window.WindowAssembly;
import dev.stormwatch.window.WindowBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a time-ordered stream of telemetry through the same steps as the Flink operator, without
 * Flink: per (provider, service) key, panes -> {@link BaselineModel#learn} -> {@link
 * WindowBuilder#build} -> {@link BaselineModel#annotate} (and {@link NoveltyMemory#annotate} when
 * the detector {@link Detector#readsNovelty reads novelty}) -> any {@link Detector}.
 *
 * <p>Stream time is the start of the newest event's step: when it advances, every key's steps that
 * ended by then are closed, in order, and each closed step yields one result for the window ending
 * with it, as long as that window holds at least one pane. Events for a step that is already
 * closed are dropped and counted.
 */
public final class OfflineDetection {
  private final BaselineConfig cfg;
  private final Detector detector;
  private final boolean trackNovelty;
  private final WindowBuilder builder;
  private final Map<String, KeyState> keys = new LinkedHashMap<>();
  private long advancedTo = Long.MIN_VALUE;
  private long dropped;

  public OfflineDetection(BaselineConfig cfg, Detector detector) {
    this.cfg = cfg;
    this.detector = detector;
    this.trackNovelty = detector.readsNovelty();
    this.builder = new WindowBuilder(cfg.stepMillis, cfg.windowSteps);
  }

  /** Runs a whole time-ordered stream and returns every window's result. */
  public static List<DetectionResult> run(
      Iterable<TelemetryEvent> events, BaselineConfig cfg, Detector detector) {
    OfflineDetection run = new OfflineDetection(cfg, detector);
    List<DetectionResult> out = new ArrayList<>();
    for (TelemetryEvent e : events) {
      out.addAll(run.accept(e));
    }
    out.addAll(run.finish());
    return out;
  }

  /** Adds one event; returns the results of the steps its arrival closed. */
  public List<DetectionResult> accept(TelemetryEvent e) {
    long paneStart = builder.paneStart(e.timeMillis());
    List<DetectionResult> out = advanceTo(paneStart);
    KeyState k = keys.computeIfAbsent(e.key(), x -> new KeyState(e.provider(), e.service()));
    if (k.nextStepEnd == Long.MAX_VALUE) {
      k.nextStepEnd = paneStart + cfg.stepMillis;
    } else if (paneStart < k.nextStepEnd - cfg.stepMillis) {
      dropped++;
      return out;
    }
    String template = e.kind() == TelemetryEvent.Kind.LOG ? LogTemplates.mask(e.message()) : null;
    k.panes.computeIfAbsent(paneStart, Pane::new).add(e, template);
    return out;
  }

  /** Closes every key's steps that end at or before {@code time}; returns their results. */
  public List<DetectionResult> advanceTo(long time) {
    List<DetectionResult> out = new ArrayList<>();
    if (time <= advancedTo) {
      return out;
    }
    advancedTo = time;
    for (KeyState k : keys.values()) {
      while (k.nextStepEnd <= time) {
        closeStep(k, out);
      }
    }
    return out;
  }

  /** Closes all open steps (end of stream). */
  public List<DetectionResult> finish() {
    List<DetectionResult> out = new ArrayList<>();
    for (KeyState k : keys.values()) {
      while (k.nextStepEnd != Long.MAX_VALUE) {
        closeStep(k, out);
      }
    }
    return out;
  }

  /** The model of a key ({@link dev.stormwatch.event.Keys#of}), or null when the key was never seen. */
  public BaselineModel model(String key) {
    KeyState k = keys.get(key);
    return k == null ? null : k.model;
  }

  /** Events dropped because their step had already been closed. */
  public long dropped() {
    return dropped;
  }

  private void closeStep(KeyState k, List<DetectionResult> out) {
    long end = k.nextStepEnd;
    Pane closed = k.panes.get(end - cfg.stepMillis);
    if (closed != null) {
      k.model.learn(closed, cfg);
    }
    long windowStart = end - cfg.windowSteps * cfg.stepMillis;
    k.panes.headMap(windowStart).clear();
    if (!k.panes.headMap(end).isEmpty()) {
      WindowAssembly w = builder.build(k.provider, k.service, end, k.panes);
      k.model.annotate(w, cfg);
      if (trackNovelty) {
        k.novelty.annotate(w);
      }
      out.add(detector.score(w));
    }
    k.nextStepEnd = k.panes.isEmpty() ? Long.MAX_VALUE : end + cfg.stepMillis;
  }

  /** One key's model and open panes. */
  private static final class KeyState {
    final String provider;
    final String service;
    final BaselineModel model = new BaselineModel();
    final NoveltyMemory novelty = new NoveltyMemory();
    final TreeMap<Long, Pane> panes = new TreeMap<>();
    long nextStepEnd = Long.MAX_VALUE;

    KeyState(String provider, String service) {
      this.provider = provider;
      this.service = service;
    }
  }
}
