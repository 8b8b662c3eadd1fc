package dev.stormwatch.model.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.stormwatch.model.DeviceUnavailableException;
import dev.stormwatch.model.InferenceDevice;
import dev.stormwatch.model.LogCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedder's ONNX Runtime session on a host whose ONNX Runtime has no CUDA provider. */
class SentenceEmbedderDeviceTest {
  private static final EmbedderOptions SHORT = EmbedderOptions.DEFAULTS.withMaxSequenceLength(16);

  @BeforeAll
  static void cpuOnlyRuntime() {
    try {
      OnnxSessions.environment();
    } catch (Throwable e) {
      assumeTrue(false, () -> "ONNX Runtime cannot load here: " + e);
    }
    assumeTrue(!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
        "this ONNX Runtime has the CUDA provider");
  }

  @Test
  void autoFallsBackToTheCpuWithOneInfoLine() throws Exception {
    try (LogCapture log = new LogCapture(InferenceDevice.class);
        SentenceEmbedder e = SentenceEmbedder.bundledMiniLm(SHORT.withDevice("auto"))) {
      assertThat(e.device()).isEqualTo("cpu");
      assertThat(e.embed("disk full")).hasSize(384);
      assertThat(log.lines()).hasSize(1);
      assertThat(log.lines().get(0)).startsWith(
          "INFO sentence embedder (ONNX Runtime CUDA execution provider): device auto runs on the CPU: ");
    }
  }

  @Test
  void anExplicitGpuFailsWithAClearError() {
    assertThatThrownBy(() -> SentenceEmbedder.bundledMiniLm(SHORT.withDevice("cuda:0")))
        .isInstanceOf(DeviceUnavailableException.class)
        .hasMessageContaining("device cuda:0 was asked for but cannot be used");
  }

  @Test
  void theCpuNeedsNoProvider() throws Exception {
    try (SentenceEmbedder e = SentenceEmbedder.bundledMiniLm(SHORT.withDevice("cpu"))) {
      assertThat(e.device()).isEqualTo("cpu");
    }
  }
}
