package dev.stormwatch.model;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.window.WindowAssembly;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code hybrid-bench.sh --model DIR --input FILE [--windows N] [--device auto|cpu|cuda:N]}:
 * replays a file into annotated windows and measures {@link HybridDetector#scoreAll} latency per
 * window at batch 1 and batch 64 (after a warm-up pass), contributors included.
 */
public final class InferenceBenchmark {
  private InferenceBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path model = null;
    Path input = null;
    int count = 640;
    InferenceDevice device = InferenceDevice.AUTO;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--model" -> model = Path.of(args[i + 1]);
        case "--input" -> input = Path.of(args[i + 1]);
        case "--windows" -> count = Integer.parseInt(args[i + 1]);
        case "--device" -> device = InferenceDevice.parse(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (model == null || input == null) {
      System.err.println("usage: hybrid-bench.sh --model DIR --input FILE [--windows N] [--device D]\n"
          + "       hybrid-bench.sh --sizes [--conv W,..] [--lstm H,..] [--log-tokens N,..] [--device D]");
      System.exit(2);
    }
    BaselineConfig cfg = BaselineConfig.defaults();
    List<WindowAssembly> all = WindowReplay.windows(
        new TelemetryFiles().readAll(List.of(), List.of(input)), cfg);
    List<WindowAssembly> windows = all.subList(Math.max(0, all.size() - count), all.size());
    try (HybridDetector detector = HybridDetector.open(model, cfg.stepMillis, cfg.windowSteps, device)) {
      for (int batch : new int[] {1, 64}) {
        time(detector, windows, batch);
        double ms = time(detector, windows, batch);
        System.out.printf(Locale.ROOT, "batch %2d: %.3f ms/window over %d windows%n", batch, ms,
            windows.size());
      }
    }
  }

  private static double time(HybridDetector detector, List<WindowAssembly> windows, int batch) {
    long started = System.nanoTime();
    for (int from = 0; from < windows.size(); from += batch) {
      detector.scoreAll(windows.subList(from, Math.min(windows.size(), from + batch)));
    }
    return (System.nanoTime() - started) / 1e6 / windows.size();
  }
}
