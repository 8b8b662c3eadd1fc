package dev.stormwatch.eval;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.novelty.NoveltyMemory;
import dev.stormwatch.model.TelemetryFiles;
import dev.stormwatch.model.WindowReplay;
import dev.stormwatch.window.WindowAssembly;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code novelty-bench.sh --input FILE...}: replays files into windows and measures, per window,
 * what the keyed window step spends on novelty: scoring alone, and scoring with the key's memory
 * read from and written back to bytes as {@code WindowAssembler} does with Flink state. Each pass
 * runs twice and the second is reported (the first warms the JIT).
 */
public final class NoveltyStateBenchmark {
  private NoveltyStateBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Path> inputs = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].equals("--input")) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      inputs.add(Path.of(args[i + 1]));
    }
    if (inputs.isEmpty()) {
      System.err.println("usage: novelty-bench.sh --input FILE [--input FILE ...]");
      System.exit(2);
    }
    List<WindowAssembly> windows = WindowReplay.windows(
        new TelemetryFiles().readAll(List.of(), inputs), BaselineConfig.defaults());
    System.out.printf(Locale.ROOT, "%d windows of %d keys%n", windows.size(),
        windows.stream().map(WindowAssembly::key).distinct().count());
    for (boolean roundTrip : new boolean[] {false, true}) {
      run(windows, roundTrip);
      Result r = run(windows, roundTrip);
      System.out.printf(Locale.ROOT,
          "%-34s %.3f ms/window (%.0f windows/s); state at the end %.1f KB/key, %.1f KB/metric%n",
          roundTrip ? "scoring + state bytes read/written" : "scoring only", r.millisPerWindow,
          1000 / r.millisPerWindow, r.bytes / 1024.0 / r.keys, r.bytes / 1024.0 / r.metrics);
    }
  }

  private record Result(double millisPerWindow, long bytes, int keys, int metrics) {}

  private static Result run(List<WindowAssembly> windows, boolean roundTrip) {
    Map<String, NoveltyMemory> memories = new HashMap<>();
    Map<String, byte[]> state = new HashMap<>();
    long started = System.nanoTime();
    for (WindowAssembly w : windows) {
      if (roundTrip) {
        NoveltyMemory memory = NoveltyMemory.fromBytes(state.get(w.key()));
        memory.annotate(w);
        state.put(w.key(), memory.toBytes());
      } else {
        memories.computeIfAbsent(w.key(), k -> new NoveltyMemory()).annotate(w);
      }
    }
    double ms = (System.nanoTime() - started) / 1e6 / windows.size();
    if (!roundTrip) {
      memories.forEach((key, memory) -> state.put(key, memory.toBytes()));
    }
    long bytes = state.values().stream().mapToLong(b -> b.length).sum();
    int metrics = state.values().stream().mapToInt(b -> NoveltyMemory.fromBytes(b).metrics()).sum();
    return new Result(ms, bytes, state.size(), metrics);
  }
}
