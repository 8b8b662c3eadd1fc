package dev.stormwatch.model.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.stormwatch.model.DeviceUnavailableException;
import dev.stormwatch.model.InferenceDevice;
import dev.stormwatch.model.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedder's ONNX Runtime session where CUDA cannot run: a CPU-only build, or no NVIDIA driver. */
class SentenceEmbedderDeviceTest {
  private static final EmbedderOptions SHORT = EmbedderOptions.DEFAULTS.withMaxSequenceLength(16);

  @BeforeAll
  static void cpuOnlyRuntime() {
    try {
      OnnxSessions.environment();
    } catch (Throwable e) {
      assumeTrue(false, () -> "ONNX Runtime cannot load here: " + e);
    }
    assumeTrue(!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)
        || !Files.exists(Path.of("/dev/nvidiactl")), "this host may run ONNX Runtime on CUDA");
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
