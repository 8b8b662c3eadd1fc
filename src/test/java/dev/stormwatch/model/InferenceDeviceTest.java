package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InferenceDeviceTest {

  @Test
  void parsesTheThreeForms() {
    assertThat(InferenceDevice.parse("auto")).isEqualTo(InferenceDevice.AUTO);
    assertThat(InferenceDevice.parse(" CPU ")).isEqualTo(InferenceDevice.CPU);
    assertThat(InferenceDevice.parse("cuda:3").cudaIndex()).isEqualTo(3);
    assertThat(InferenceDevice.parse("cuda:3").auto()).isFalse();
    assertThat(InferenceDevice.parse("cuda")).isEqualTo(InferenceDevice.parse("cuda:0"));
    assertThat(InferenceDevice.AUTO.cudaIndex()).isZero();
    assertThat(InferenceDevice.CPU.cpu()).isTrue();
    assertThat(InferenceDevice.AUTO.cpu()).isFalse();
  }

  @Test
  void printsWhatItParses() {
    for (String s : new String[] {"auto", "cpu", "cuda:0", "cuda:12"}) {
      assertThat(InferenceDevice.parse(s)).hasToString(s);
    }
    assertThat(InferenceDevice.AUTO.runsOn()).isEqualTo("cuda:0");
    assertThat(InferenceDevice.CPU.runsOn()).isEqualTo("cpu");
  }

  @Test
  void rejectsAnythingElse() {
    for (String bad : new String[] {"gpu", "cuda:", "cuda:-1", "cuda:x", "cuda:1:2", "", "cuda:99999999"}) {
      assertThatThrownBy(() -> InferenceDevice.parse(bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("auto, cpu or cuda:N");
    }
    assertThatThrownBy(() -> InferenceDevice.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void autoLogsOneInfoLineWhereAnExplicitGpuFails() {
    try (LogCapture log = new LogCapture(InferenceDevice.class)) {
      InferenceDevice.AUTO.fallBackOrFail("runtime X", "no driver");
      assertThat(log.lines()).containsExactly("INFO runtime X: device auto runs on the CPU: no driver");
      assertThatThrownBy(() -> InferenceDevice.parse("cuda:1").fallBackOrFail("runtime X", "no driver"))
          .isInstanceOf(DeviceUnavailableException.class)
          .hasMessageContaining("runtime X: device cuda:1 was asked for but cannot be used: no driver")
          .hasMessageContaining("-Pgpu");
      assertThat(log.lines()).hasSize(1);
    }
  }
}
