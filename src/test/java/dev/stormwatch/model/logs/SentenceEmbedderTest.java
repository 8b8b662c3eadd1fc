package dev.stormwatch.model.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentenceEmbedderTest {
  private static SentenceEmbedder embedder;
  private static String unavailable;

  @BeforeAll
  static void open() {
    try {
      embedder = SentenceEmbedder.bundledMiniLm();
    } catch (Throwable e) {
      unavailable = e.toString();
    }
  }

  @AfterAll
  static void close() {
    if (embedder != null) {
      embedder.close();
    }
  }

  private static SentenceEmbedder model() {
    assumeTrue(embedder != null, () -> "ONNX Runtime or the tokenizer native library cannot load here: " + unavailable);
    return embedder;
  }

  @Test
  void gives384DimensionalUnitVectors() {
    SentenceEmbedder e = model();
    assertThat(e.dimension()).isEqualTo(384);
    assertThat(e.modelId()).isEqualTo(SentenceEmbedder.MINILM_ID);
    assertThat(e.sha256()).hasSize(64).matches("[0-9a-f]+");
    assertThat(e.device()).isIn("cpu", "cuda:0");
    assertThat(e.embed(List.of())).isEmpty();
    float[][] vectors = e.embed(List.of("disk full on /var", "", "x".repeat(5000)));
    for (float[] v : vectors) {
      assertThat(v).hasSize(384);
      assertThat(norm(v)).isCloseTo(1.0, within(1e-4));
    }
  }

  @Test
  void placesSimilarSentencesCloserThanUnrelatedOnes() {
    float[][] v =
        model()
            .embed(
                List.of(
                    "connection to the database timed out",
                    "database connection timeout",
                    "user profile picture uploaded successfully"));
    double similar = dot(v[0], v[1]);
    double unrelated = dot(v[0], v[2]);
    assertThat(similar).isGreaterThan(unrelated + 0.2);
  }

  @Test
  void isBatchInvariantAndDeterministic() {
    SentenceEmbedder e = model();
    String text = "upstream connect error or disconnect/reset before headers";
    float[] alone = e.embed(text);
    float[][] batch =
        e.embed(
            List.of(
                "ok",
                text,
                "a much longer line that forces padding of the shorter ones in the same batch, with many tokens",
                "kernel: Out of memory: Killed process 4242 (java)"));
    assertThat(dot(alone, batch[1])).isGreaterThan(0.9999);
    assertThat(e.embed(text)).containsExactly(alone);
  }

  @Test
  void loadsAnyModelFromFilesAndFallsBackToTheCpu(@TempDir Path dir) throws Exception {
    SentenceEmbedder bundled = model();
    Path onnx = dir.resolve("model.onnx");
    Path tokenizer = dir.resolve("tokenizer.json");
    try (InputStream in = SentenceEmbedder.class.getResourceAsStream(SentenceEmbedder.MINILM_ONNX)) {
      Files.copy(in, onnx);
    }
    try (InputStream in = SentenceEmbedder.class.getResourceAsStream(SentenceEmbedder.MINILM_TOKENIZER)) {
      Files.copy(in, tokenizer);
    }
    EmbedderOptions options = EmbedderOptions.DEFAULTS.withDevice("auto").withMaxSequenceLength(16);
    try (SentenceEmbedder fromFiles = SentenceEmbedder.fromFiles(onnx, tokenizer, "local/minilm", options)) {
      assertThat(fromFiles.modelId()).isEqualTo("local/minilm");
      assertThat(fromFiles.sha256()).isEqualTo(bundled.sha256());
      assertThat(fromFiles.device()).isIn("cpu", "cuda:0");
      String shortText = "payment service returned HTTP 503";
      assertThat(dot(fromFiles.embed(shortText), bundled.embed(shortText))).isGreaterThan(0.9999);
      String longText = "token ".repeat(40) + "tail words that only the long limit sees";
      assertThat(dot(fromFiles.embed(longText), bundled.embed(longText))).isLessThan(0.999);
    }
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  private static double norm(float[] v) {
    return Math.sqrt(dot(v, v));
  }
}
