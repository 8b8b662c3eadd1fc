package dev.stormwatch.model;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dev.stormwatch.model.logs.LogWindowFeatures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code hybrid-bench.sh --sizes [--conv 32,64,128] [--lstm 16,32,64,128] [--log-tokens 0,17]
 * [--batches 1,64] [--warmup 20] [--iterations 100] [--device auto|cpu|cuda:N]}: latency against
 * model size. Builds untrained, initialised {@link HybridModelBlock}s of each size (conv width split
 * over the three kernels, LSTM hidden units per direction, log tokens of 384 + 5 features), times
 * one forward pass per batch of random windows (translation in and out included) after a warm-up
 * (and one untimed size for the JIT), and prints a Markdown table of parameters, the median and p90
 * wall-clock milliseconds per window, and the median CPU time of the calling thread (which runs
 * PyTorch's single intra-op thread, so it stays meaningful on a shared, loaded machine).
 */
public final class ModelSizeBenchmark {
  /** Telemetry channels of the shipped schema (7 metrics: values, masks, 4 log channels). */
  static final int CHANNELS = 18;
  static final int STEPS = 10;
  /** Log-token width: MiniLM's 384 dimensions plus the per-template features. */
  static final int LOG_DIM = 384 + LogWindowFeatures.EXTRA_FEATURES;

  private ModelSizeBenchmark() {}

  /** One timed size: parameters and per-window latencies (ms) per batch size. */
  record Row(int conv, int lstm, int logTokens, long parameters, int[] batches, double[] median,
      double[] p90, double[] cpuMedian) {}

  public static void main(String[] args) throws Exception {
    int[] conv = {32, 64, 128};
    int[] lstm = {16, 32, 64, 128};
    int[] logTokens = {0, LogWindowFeatures.DEFAULT_MAX_TOKENS + 1};
    int[] batches = {1, 64};
    int warmup = 20;
    int iterations = 100;
    InferenceDevice device = InferenceDevice.AUTO;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--sizes")) {
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--conv" -> conv = ints(v);
        case "--lstm" -> lstm = ints(v);
        case "--log-tokens" -> logTokens = ints(v);
        case "--batches" -> batches = ints(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--iterations" -> iterations = Integer.parseInt(v);
        case "--device" -> device = InferenceDevice.parse(v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    DjlRuntime.configure();
    ai.djl.Device on = DjlRuntime.device(device);
    System.out.printf(Locale.ROOT, "device %s, PyTorch threads %s intra-op / %s inter-op, %d warm-up and %d"
            + " timed passes per batch size; input %d channels x %d steps%n%n", on,
        System.getProperty("ai.djl.pytorch.num_threads"),
        System.getProperty("ai.djl.pytorch.num_interop_threads"), warmup, iterations, CHANNELS, STEPS);
    // one untimed size first: JIT-compiles the Java side and lets PyTorch allocate its pools
    measure(conv[0], lstm[0], logTokens[0], batches, warmup, iterations, on);
    System.out.println(header(batches));
    for (int tokens : logTokens) {
      for (int c : conv) {
        for (int h : lstm) {
          Row row = measure(c, h, tokens, batches, warmup, iterations, on);
          System.out.println(format(row));
        }
      }
    }
  }

  /** Builds, initialises and times one size. */
  static Row measure(int conv, int lstm, int logTokens, int[] batches, int warmup, int iterations,
      ai.djl.Device device) throws TranslateException {
    ModelDims dims = new ModelDims(CHANNELS, STEPS, split(conv), lstm, 128, 8.0, logTokens > 0 ? LOG_DIM : 0);
    try (Model model = Model.newInstance("size-bench", device, DjlRuntime.ENGINE)) {
      HybridModelBlock block = new HybridModelBlock(dims);
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, CHANNELS, STEPS));
      long parameters = DjlRuntime.trainableParameters(block);
      double[] median = new double[batches.length];
      double[] p90 = new double[batches.length];
      double[] cpuMedian = new double[batches.length];
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      Random rnd = new Random(17);
      try (Predictor<float[][], float[]> predictor = model.newPredictor(new Inputs(logTokens))) {
        for (int b = 0; b < batches.length; b++) {
          float[][] input = {random(rnd, batches[b] * CHANNELS * STEPS),
              random(rnd, batches[b] * logTokens * LOG_DIM)};
          for (int i = 0; i < warmup; i++) {
            predictor.predict(input);
          }
          double[] ms = new double[iterations];
          double[] cpu = new double[iterations];
          for (int i = 0; i < iterations; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            predictor.predict(input);
            ms[i] = (System.nanoTime() - t0) / 1e6 / batches[b];
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / batches[b];
          }
          Arrays.sort(ms);
          Arrays.sort(cpu);
          median[b] = quantile(ms, 0.5);
          p90[b] = quantile(ms, 0.9);
          cpuMedian[b] = quantile(cpu, 0.5);
        }
      }
      return new Row(conv, lstm, logTokens, parameters, batches, median, p90, cpuMedian);
    }
  }

  /** A total convolution width split over the kernel-3, -5 and -7 branches (first gets the rest). */
  static int[] split(int total) {
    int each = total / 3;
    return new int[] {total - 2 * each, each, each};
  }

  /** Linear-interpolated quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  static String header(int[] batches) {
    StringBuilder h = new StringBuilder("| conv width | LSTM hidden | log tokens | trainable params |");
    StringBuilder rule = new StringBuilder("|---:|---:|---:|---:|");
    for (int b : batches) {
      h.append(String.format(Locale.ROOT, " batch %d median ms/window | p90 | CPU median |", b));
      rule.append("---:|---:|---:|");
    }
    return h + "\n" + rule;
  }

  static String format(Row r) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "| %d | %d | %s | %,d |", r.conv(),
        r.lstm(), r.logTokens() == 0 ? "none" : r.logTokens() + " x " + LOG_DIM, r.parameters()));
    for (int b = 0; b < r.batches().length; b++) {
      s.append(String.format(Locale.ROOT, " %.3f | %.3f | %.3f |", r.median()[b], r.p90()[b],
          r.cpuMedian()[b]));
    }
    return s.toString();
  }

  private static float[] random(Random rnd, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return v;
  }

  private static int[] ints(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String p : csv.split(",")) {
      int v = Integer.parseInt(p.trim());
      if (v < 0) {
        throw new IllegalArgumentException("sizes must be >= 0, got " + v);
      }
      out.add(v);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Flat features (and log tokens) of a batch in, margins out. */
  static final class Inputs implements NoBatchifyTranslator<float[][], float[]> {
    private final int logTokens;

    Inputs(int logTokens) {
      this.logTokens = logTokens;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] input) {
      NDManager m = ctx.getNDManager();
      int batch = input[0].length / (CHANNELS * STEPS);
      NDList list = new NDList(m.create(input[0], new Shape(batch, CHANNELS, STEPS)));
      if (logTokens > 0) {
        list.add(m.create(input[1], new Shape(batch, logTokens, LOG_DIM)));
      }
      return list;
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList out) {
      return out.get(0).toFloatArray();
    }
  }
}
