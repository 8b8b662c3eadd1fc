package dev.stormwatch.model.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stormwatch.event.Severity;
import dev.stormwatch.window.WindowAssembly;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogWindowFeaturesTest {
  private static final int D = 3;

  private static LogWindowFeatures features(int maxTokens) {
    return new LogWindowFeatures(new TemplateEmbeddingCache(new TemplateEmbeddingCacheTest.RecordingEmbedder()), maxTokens);
  }

  @Test
  void ordersTokensBySeverityNoveltyAndCountAndDocumentsTheLayout() {
    LogWindowFeatures f = features(3);
    LogTokens t =
        f.fromTemplates(
            List.of(
                new TemplateStat(1, "heartbeat ok", 500, Severity.INFO, false),
                new TemplateStat(2, "retrying call", 20, Severity.WARN, false),
                new TemplateStat(3, "new schema seen", 2, Severity.INFO, true),
                new TemplateStat(4, "db down", 7, Severity.ERROR, false)));

    assertThat(f.width()).isEqualTo(D + 5);
    assertThat(t.width()).isEqualTo(D + 5);
    assertThat(t.tokens()).hasDimensions(3, D + 5);
    assertThat(t.validTokens()).isEqualTo(3);
    assertThat(t.templates()).isEqualTo(4);
    assertThat(t.lines()).isEqualTo(529);
    assertThat(t.mask()).containsExactly(true, true, true);
    float[] error = t.tokens()[0];
    assertThat(error[0]).isEqualTo("db down".length());
    assertThat(error[D]).isCloseTo((float) Math.log1p(7), within(1e-6f));
    assertThat(new float[] {error[D + 1], error[D + 2], error[D + 3], error[D + 4]}).containsExactly(0, 0, 1, 0);
    float[] warn = t.tokens()[1];
    assertThat(new float[] {warn[D + 1], warn[D + 2], warn[D + 3], warn[D + 4]}).containsExactly(0, 1, 0, 0);
    float[] novel = t.tokens()[2];
    assertThat(novel[0]).isEqualTo("new schema seen".length());
    assertThat(new float[] {novel[D + 1], novel[D + 2], novel[D + 3], novel[D + 4]}).containsExactly(1, 0, 0, 1);

    float[] s = t.summary();
    assertThat(Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2])).isCloseTo(1.0, within(1e-5));
    assertThat(s[D]).isCloseTo((float) Math.log1p(529), within(1e-5f));
    assertThat(s[D + 1]).isCloseTo(502f / 529, within(1e-6f));
    assertThat(s[D + 2]).isCloseTo(20f / 529, within(1e-6f));
    assertThat(s[D + 3]).isCloseTo(7f / 529, within(1e-6f));
    assertThat(s[D + 4]).isCloseTo(2f / 529, within(1e-6f));
  }

  @Test
  void padsWithMaskedZeroRowsAndGivesZerosForAnEmptyWindow() {
    LogWindowFeatures f = features(4);
    LogTokens one = f.fromTemplates(List.of(new TemplateStat(9, "only one", 1, Severity.INFO, false)));
    assertThat(one.mask()).containsExactly(true, false, false, false);
    assertThat(one.tokens()[3]).containsOnly(0f);

    LogTokens empty = f.fromTemplates(List.of());
    assertThat(empty.validTokens()).isZero();
    assertThat(empty.mask()).containsOnly(false);
    assertThat(empty.summary()).containsOnly(0f);
  }

  @Test
  void readsWindowAssemblyTemplates() {
    WindowAssembly w = new WindowAssembly();
    w.templates = new String[] {"timeout after <num> ms", "GET <path> 200"};
    w.templateCounts = new int[] {4, 90};
    w.templateSeverity = new int[] {Severity.ERROR, Severity.INFO};
    w.templateNovel = new boolean[] {true, false};
    LogTokens t = features(16).fromAssembly(w);
    assertThat(t.validTokens()).isEqualTo(2);
    assertThat(t.tokens()[0][0]).isEqualTo("timeout after <num> ms".length());
    assertThat(t.tokens()[0][D + 4]).isEqualTo(1f);
    assertThat(t.lines()).isEqualTo(94);
  }

  @Test
  void minesRawLinesAndMarksTemplatesNewToTheMinerAsNovel() {
    LogWindowFeatures f = features(8);
    DrainTemplateMiner miner = new DrainTemplateMiner();
    List<String> lines =
        List.of("cache miss for key 17", "cache miss for key 18", "upstream reset by peer 10.1.2.3", "cache miss for key 19");
    int[] severities = {Severity.INFO, Severity.INFO, Severity.ERROR, Severity.INFO};
    LogTokens first = f.fromLines(miner, lines, severities);
    assertThat(first.templates()).isEqualTo(2);
    assertThat(first.tokens()[0][D + 3]).isEqualTo(1f);
    assertThat(first.tokens()[0][D + 4]).isEqualTo(1f);
    assertThat(first.tokens()[1][D]).isCloseTo((float) Math.log1p(3), within(1e-6f));

    LogTokens second = f.fromLines(miner, lines, severities);
    assertThat(second.tokens()[0][D + 4]).isZero();
    assertThat(second.summary()[D + 4]).isZero();
  }
}
