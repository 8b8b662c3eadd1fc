package dev.stormwatch.eval.calibration;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;

/** Wraps a {@link Detector} and keeps every result it produced, warm-up and live alike. */
public final class RecordingDetector implements Detector {
  private final Detector inner;
  private final List<DetectionResult> results = new ArrayList<>();

  public RecordingDetector(Detector inner) {
    this.inner = inner;
  }

  @Override
  public boolean readsNovelty() {
    return inner.readsNovelty();
  }

  @Override
  public String modelVersion() {
    return inner.modelVersion();
  }

  @Override
  public DetectionResult score(WindowAssembly window) {
    DetectionResult r = inner.score(window);
    results.add(r);
    return r;
  }

  @Override
  public void close() {
    inner.close();
  }

  /** The results so far, in the order the detector produced them. */
  public List<DetectionResult> results() {
    return results;
  }
}
