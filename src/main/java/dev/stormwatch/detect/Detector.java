package dev.stormwatch.detect;

import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores assembled windows. Implementations are plain Java, created once per subtask by a {@link
 * DetectorFactory} and used from one thread at a time; they may batch.
 */
public interface Detector extends AutoCloseable {

  /** The model version carried into alerts, e.g. {@code baseline-1}. */
  String modelVersion();

  /** Scores one window. */
  DetectionResult score(WindowAssembly window);

  /**
   * True when the detector reads the windows' novelty ({@code WindowAssembly.metricNovelty}), so
   * that the window step must track it; wrappers answer for what they wrap.
   */
  default boolean readsNovelty() {
    return false;
  }

  /** Scores several windows, in order; models that batch override this. */
  default List<DetectionResult> scoreAll(List<WindowAssembly> windows) {
    List<DetectionResult> out = new ArrayList<>(windows.size());
    for (WindowAssembly w : windows) {
      out.add(score(w));
    }
    return out;
  }

  @Override
  default void close() {}
}
