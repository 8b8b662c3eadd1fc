package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.Severity;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny models with the log branch: log tokens matter, the embedding model is checked, seeds repeat. */
class HybridLogBranchTest {
  private static final String SHA = "aa".repeat(32);
  private static final String[][] OWN = {
    {"GET /api/items <*> <*>ms", "health check ok from <*>", "cache refreshed keys=<*>"},
    {"POST /api/charges <*> <*>ms", "refund <*> settled", "card declined code=<*>"},
    {"query returned <*> hits", "index merge completed on shard <*>", "shard <*> slow query"},
  };
  private static final String[] NOUNS = {"gateway", "database", "cache", "queue", "disk", "broker",
    "resolver", "token", "session", "socket", "replica", "lease"};
  private static final String[] FAULTS = {"timed out", "refused connection", "rejected request",
    "lost quorum", "is unreachable", "returned corrupt data", "overflowed", "expired"};

  /** Relative L2 distance allowed between two same-seed trainings; another seed measures 1.3. */
  private static final double SAME_SEED_TOLERANCE = 2e-2;

  @TempDir static Path dir;
  static Path artifact;
  static ModelManifest manifest;

  @BeforeAll
  static void trainOnce() throws IOException {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    artifact = dir.resolve("logs/v1");
    manifest = train(artifact, 4, Architecture.FULL, LogBranch.DEFAULT_TOKENS);
  }

  private static ModelManifest train(Path out, int epochs, Architecture arch, int logTokens)
      throws IOException {
    return train(out, epochs, arch, logTokens, 7);
  }

  private static ModelManifest train(Path out, int epochs, Architecture arch, int logTokens,
      long seed) throws IOException {
    TrainingOptions options = new TrainingOptions("v1", seed, epochs, 32, 3e-3, 8, 0.2, 0.9, 8.0, 30,
        0.25, logTokens, arch);
    LogBranch logs = logTokens == 0 ? null : new LogBranch(HashedWordsEmbedder.model(SHA), logTokens);
    TrainingSet set = TrainingSet.build(windows(3, 260, 5), List.of(), options, logs, new Random(seed));
    return new HybridTrainer(options).train(set, SyntheticWindows.STEP, Map.of(), out);
  }

  static List<WindowAssembly> windows(int keys, int perKey, long seed) {
    Random rnd = new Random(seed);
    List<WindowAssembly> out = new ArrayList<>();
    for (int i = 0; i < perKey; i++) {
      for (int k = 0; k < keys; k++) {
        out.add(withTemplates(SyntheticWindows.window("svc" + k, i, rnd), k, rnd));
      }
    }
    return out;
  }

  static WindowAssembly withTemplates(WindowAssembly w, int k, Random rnd) {
    boolean error = rnd.nextInt(4) == 0;
    int n = OWN[k].length + (error ? 1 : 0);
    w.templates = new String[n];
    w.templateCounts = new int[n];
    w.templateSeverity = new int[n];
    w.templateNovel = new boolean[n];
    w.templateFirstStep = new int[n];
    w.templateExamples = new String[n];
    for (int i = 0; i < n; i++) {
      boolean e = i == OWN[k].length;
      w.templates[i] = e ? error(k, rnd.nextInt(FAULTS.length)) : OWN[k][i];
      w.templateExamples[i] = w.templates[i].replace("<*>", "42");
      w.templateCounts[i] = e ? 1 : 20 + rnd.nextInt(20);
      w.templateSeverity[i] = e ? Severity.ERROR : Severity.INFO;
    }
    return w;
  }

  /** One of service k's own error templates (services share no error template). */
  static String error(int k, int fault) {
    return NOUNS[(4 * k + fault) % NOUNS.length] + " <*> " + FAULTS[fault] + " after <*> ms";
  }

  /** A calm window of svc0 with a burst of a template the key never logged, counts unchanged. */
  static WindowAssembly novelErrorBurst(WindowAssembly w) {
    int n = w.templates.length;
    w.templates = java.util.Arrays.copyOf(w.templates, n + 1);
    w.templateCounts = java.util.Arrays.copyOf(w.templateCounts, n + 1);
    w.templateSeverity = java.util.Arrays.copyOf(w.templateSeverity, n + 1);
    w.templateNovel = java.util.Arrays.copyOf(w.templateNovel, n + 1);
    w.templateFirstStep = java.util.Arrays.copyOf(w.templateFirstStep, n + 1);
    w.templateExamples = java.util.Arrays.copyOf(w.templateExamples, n + 1);
    w.templates[n] = "upstream connect error reset reason connection timeout upstream <*>";
    w.templateExamples[n] = "upstream connect error reset reason connection timeout upstream 10.1.2.3:8443";
    w.templateCounts[n] = 30;
    w.templateSeverity[n] = Severity.ERROR;
    w.templateNovel[n] = true;
    return w;
  }

  @Test
  void manifestRecordsTheEmbeddingModelAndTheLogBranch() {
    assertThat(manifest.logTokens).isEqualTo(LogBranch.DEFAULT_TOKENS);
    assertThat(manifest.logDim).isEqualTo(HashedWordsEmbedder.DIM + 5);
    assertThat(manifest.embeddingModel).isEqualTo("test/hashed-words");
    assertThat(manifest.embeddingSha256).isEqualTo(SHA);
    assertThat(manifest.training).containsKey("synthetic");
    @SuppressWarnings("unchecked")
    Map<String, Integer> synthetic = (Map<String, Integer>) manifest.training.get("synthetic");
    assertThat(synthetic).containsKeys("NOVEL_ERROR_TEMPLATES", "BENIGN_NOVEL_INFO");
  }

  @Test
  void logTokensRaiseTheScoreOfANovelErrorTemplateBurst() throws IOException {
    try (HybridDetector detector = new HybridDetector(HybridModel.load(artifact,
        SyntheticWindows.STEP, SyntheticWindows.STEPS, () -> HashedWordsEmbedder.model(SHA)))) {
      double calm = 0;
      double burst = 0;
      int n = 8;
      for (int i = 0; i < n; i++) {
        WindowAssembly a = withTemplates(SyntheticWindows.window("svc0", 9000 + i, new Random(i)), 0, new Random(i));
        WindowAssembly b = novelErrorBurst(
            withTemplates(SyntheticWindows.window("svc0", 9000 + i, new Random(i)), 0, new Random(i)));
        List<DetectionResult> r = detector.scoreAll(List.of(a, b));
        calm += r.get(0).score / n;
        burst += r.get(1).score / n;
        if (r.get(1).score >= HybridDetector.EXPLAIN_FROM) {
          assertThat(r.get(1).contributorSignals).contains(HybridDetector.TEMPLATES_SIGNAL);
          assertThat(r.get(1).logEvidence[0]).contains("upstream connect error");
        }
      }
      assertThat(burst).isGreaterThan(calm + 0.3);
      assertThat(detector.logBranch().cache().misses()).isLessThan(20);
    }
  }

  @Test
  void windowsWithoutAMatureBaselineAreNotScored() throws IOException {
    try (HybridDetector detector = new HybridDetector(HybridModel.load(artifact,
        SyntheticWindows.STEP, SyntheticWindows.STEPS, () -> HashedWordsEmbedder.model(SHA)))) {
      WindowAssembly cold = novelErrorBurst(withTemplates(
          SyntheticWindows.window("svc0", 1, new Random(3)), 0, new Random(3)));
      java.util.Arrays.fill(cold.baselineSamples, 5);
      cold.expectedErrors = Double.NaN;
      DetectionResult r = detector.score(cold);
      assertThat(r.score).isZero();
      assertThat(r.reason).contains("no model channel has a mature baseline");
    }
  }

  @Test
  void refusesAnArtifactWhoseEmbeddingModelDiffers() {
    assertThatThrownBy(() -> HybridModel.load(artifact, SyntheticWindows.STEP, SyntheticWindows.STEPS,
        () -> HashedWordsEmbedder.model("bb".repeat(32))))
        .hasMessageContaining("embedding model test/hashed-words")
        .hasMessageContaining("retrain");
  }

  /**
   * Same seed, same model. Repeated runs here give identical bytes, but CI runs have differed in
   * floating-point noise (cause not found; see docs/hybrid-model.md), so this compares the relative
   * L2 distance of all parameters: input noise of 1e-4 moves it to 8e-4 after an epoch, another
   * seed to 1.3.
   */
  @Test
  void sameSeedGivesTheSameParametersAndTheLogBranchCanBeOff() throws IOException {
    Path a = dir.resolve("det/a");
    Path b = dir.resolve("det/b");
    train(a, 1, Architecture.FULL, 4, 7);
    train(b, 1, Architecture.FULL, 4, 7);
    train(dir.resolve("det/c"), 1, Architecture.FULL, 4, 8);
    assertThat(TrainedParameters.relativeDifference(a, b)).as(TrainedParameters.machine())
        .isLessThan(SAME_SEED_TOLERANCE);
    assertThat(TrainedParameters.relativeDifference(a, dir.resolve("det/c")))
        .isGreaterThan(25 * SAME_SEED_TOLERANCE);
    ModelManifest off = train(dir.resolve("off"), 1, Architecture.FULL, 0);
    assertThat(off.logDim).isZero();
    assertThat(off.embeddingModel).isNull();
  }

  @Test
  void ablationVariantsTrainAndLoad() throws IOException {
    for (String name : List.of("cnn-only", "bilstm-only", "concat", "logistic")) {
      Path out = dir.resolve("arch/" + name);
      ModelManifest m = train(out, 1, Architecture.parse(name), 4);
      try (HybridModel model = HybridModel.load(out, SyntheticWindows.STEP, SyntheticWindows.STEPS,
          () -> HashedWordsEmbedder.model(SHA))) {
        assertThat(model.manifest().dims().architecture()).isEqualTo(Architecture.parse(name));
      }
      assertThat((Double) m.evaluation.get("auc")).as(name).isGreaterThan(0.6);
    }
  }
}
