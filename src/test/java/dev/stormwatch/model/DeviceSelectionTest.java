package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.DetectorFactory;
import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.Detectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Device selection on a host without a usable GPU (skipped where PyTorch sees one). */
class DeviceSelectionTest {
  private static final Path MODEL = Path.of("models/hybrid/v1");

  @BeforeAll
  static void cpuOnlyHost() {
    assumeTrue(DjlRuntime.available(), () -> "PyTorch does not load here: " + DjlRuntime.loadError());
    assumeTrue(DjlRuntime.engine().getGpuCount() == 0, "this host has a GPU");
  }

  @Test
  void autoRunsOnTheCpuAndSaysWhyInOneInfoLine() {
    try (LogCapture log = new LogCapture(InferenceDevice.class)) {
      assertThat(DjlRuntime.resolve(InferenceDevice.AUTO)).isEqualTo(Device.cpu());
      assertThat(log.lines()).hasSize(1);
      assertThat(log.lines().get(0))
          .startsWith("INFO hybrid model (DJL PyTorch): device auto runs on the CPU: PyTorch ")
          .contains("sees 0 GPUs");
    }
    DjlRuntime.device(InferenceDevice.AUTO);
    try (LogCapture log = new LogCapture(InferenceDevice.class)) {
      assertThat(DjlRuntime.device(InferenceDevice.AUTO)).isEqualTo(Device.cpu());
      assertThat(log.lines()).as("resolved once per process").isEmpty();
    }
    assertThat(DjlRuntime.device(InferenceDevice.CPU)).isEqualTo(Device.cpu());
  }

  @Test
  void anExplicitGpuFailsWithAClearError() {
    assertThatThrownBy(() -> DjlRuntime.device(InferenceDevice.parse("cuda:0")))
        .isInstanceOf(DeviceUnavailableException.class)
        .hasMessageContaining("device cuda:0 was asked for but cannot be used")
        .hasMessageContaining("sees 0 GPUs");
  }

  @Test
  void theHybridDetectorServesOnTheAskedCpu() throws Exception {
    try (HybridModel model = HybridModel.load(MODEL, 60_000, 10, InferenceDevice.CPU)) {
      assertThat(model.device()).isEqualTo(Device.cpu());
    }
    DetectorFactory factory = shipped(Detectors.factory("hybrid", MODEL.toString(),
        InferenceDevice.parse("auto"), BaselineConfig.defaults()));
    try (var detector = factory.create()) {
      List<DetectionResult> results = detector.scoreAll(SyntheticWindows.calm(2, 2, 7));
      assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r.score).isBetween(0.0, 1.0));
    }
  }

  @Test
  void anExplicitGpuFailsTheDetectorsStart() throws Exception {
    DetectorFactory factory = shipped(
        HybridDetector.factory(MODEL.toString(), 60_000, 10, InferenceDevice.parse("cuda:1")));
    assertThatThrownBy(factory::create)
        .isInstanceOf(DeviceUnavailableException.class)
        .hasMessageContaining("cuda:1");
  }

  /** The factory as a Flink task receives it: serialized and read back. */
  private static DetectorFactory shipped(DetectorFactory factory) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(factory);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (DetectorFactory) in.readObject();
    }
  }
}
