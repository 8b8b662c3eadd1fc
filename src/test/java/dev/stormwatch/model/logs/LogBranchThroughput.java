package dev.stormwatch.model.logs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Benchmark harness for the log branch (not a test): lines/s of Drain mining alone and of mining +
 * cached template embedding over the 16 LogHub samples replayed many times, and sentences/s of the
 * embedder at batch 1, 8 and 32 over the mined templates sorted by length, so that batches pad
 * little, as {@link SentenceEmbedder#embed(List)} arranges for long lists (wall clock, and per CPU-second of the calling thread, which with
 * one intra-op thread does the model's work, so a loaded machine distorts it less). Usage: {@code LogBranchThroughput [loghubDir] [passes] [threads]}.
 */
public final class LogBranchThroughput {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private LogBranchThroughput() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets/loghub");
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    List<String> lines = new ArrayList<>();
    for (String system : LogHubSample.SYSTEMS) {
      lines.addAll(LogHubSample.load(dir, system).contents());
    }
    System.out.printf("%d LogHub lines, %d passes, %d intra-op thread(s), %d cores%n",
        lines.size(), passes, threads, Runtime.getRuntime().availableProcessors());
    mineOnly(lines, passes);
    EmbedderOptions options = EmbedderOptions.DEFAULTS.withIntraOpThreads(threads);
    try (SentenceEmbedder embedder = SentenceEmbedder.bundledMiniLm(options)) {
      System.out.printf("model %s sha256 %s device %s dim %d%n",
          embedder.modelId(), embedder.sha256(), embedder.device(), embedder.dimension());
      List<String> templates = mineAndEmbed(lines, passes, embedder);
      templates.sort(Comparator.comparingInt(String::length));
      for (int batch : new int[] {1, 8, 32}) {
        sentencesPerSecond(embedder, templates, batch);
      }
      long start = System.nanoTime();
      embedder.embed(templates);
      System.out.printf("embedder all %d templates in one call: %,.0f sentences/s wall%n",
          templates.size(), templates.size() / ((System.nanoTime() - start) / 1e9));
    }
  }

  private static void mineOnly(List<String> lines, int passes) {
    DrainTemplateMiner miner = new DrainTemplateMiner();
    lines.forEach(miner::add);
    long start = System.nanoTime();
    long sink = 0;
    for (int p = 0; p < passes; p++) {
      for (String line : lines) {
        sink += miner.add(line).count();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("mine only:           %,.0f lines/s (%d clusters, checksum %d)%n",
        passes * lines.size() / seconds, miner.clusterCount(), sink % 1000);
  }

  /** Warm-up pass embeds every template once; the timed passes then measure mine + cache lookup. */
  private static List<String> mineAndEmbed(List<String> lines, int passes, SentenceEmbedder embedder) {
    DrainTemplateMiner miner = new DrainTemplateMiner();
    TemplateEmbeddingCache cache = new TemplateEmbeddingCache(embedder);
    long warmStart = System.nanoTime();
    for (String line : lines) {
      MineResult r = miner.add(line);
      cache.get(r.clusterId(), r.template());
    }
    double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
    System.out.printf("warm-up pass:        %,.0f lines/s (%d model calls for %d clusters)%n",
        lines.size() / warmSeconds, cache.misses(), miner.clusterCount());
    long missesBefore = cache.misses();
    long start = System.nanoTime();
    double sink = 0;
    for (int p = 0; p < passes; p++) {
      for (String line : lines) {
        MineResult r = miner.add(line);
        sink += cache.get(r.clusterId(), r.template())[0];
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("mine + cached embed: %,.0f lines/s (%d misses in timed passes, checksum %.3f)%n",
        passes * lines.size() / seconds, cache.misses() - missesBefore, sink);
    List<String> templates = new ArrayList<>(new LinkedHashSet<>(miner.clusters().stream().map(LogCluster::template).toList()));
    return templates;
  }

  private static void sentencesPerSecond(SentenceEmbedder embedder, List<String> texts, int batch) {
    int total = Math.min(texts.size(), batch == 1 ? 200 : 640);
    embedder.embed(texts.subList(0, Math.min(batch, texts.size())));
    int stride = Math.max(1, texts.size() / total);
    List<String> sample = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      sample.add(texts.get(Math.min(texts.size() - 1, i * stride)));
    }
    long start = System.nanoTime();
    long cpuStart = CPU.getCurrentThreadCpuTime();
    for (int from = 0; from + batch <= total; from += batch) {
      embedder.embed(sample.subList(from, from + batch));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    int done = total / batch * batch;
    System.out.printf("embedder batch %2d:   %,.0f sentences/s wall, %,.0f per CPU-second of this thread%n",
        batch, done / seconds, done / cpuSeconds);
  }
}
