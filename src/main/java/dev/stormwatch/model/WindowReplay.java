package dev.stormwatch.model;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.detect.OfflineDetection;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a time-ordered event stream through {@link OfflineDetection}'s panes, baselines and
 * window builder and keeps every annotated {@link WindowAssembly} (the detector input), in the
 * order they close.
 */
public final class WindowReplay {
  private WindowReplay() {}

  /** The annotated windows of {@code events}. */
  public static List<WindowAssembly> windows(Iterable<TelemetryEvent> events, BaselineConfig cfg) {
    Capture capture = new Capture();
    OfflineDetection.run(events, cfg, capture);
    return capture.windows;
  }

  /** A detector that scores nothing and keeps the windows it is shown. */
  private static final class Capture implements Detector {
    final List<WindowAssembly> windows = new ArrayList<>();

    @Override
    public String modelVersion() {
      return "capture";
    }

    @Override
    public DetectionResult score(WindowAssembly window) {
      windows.add(window);
      return DetectionResult.forWindow(window);
    }
  }
}
