package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {
  private final TrainingOptions base = new TrainingOptions("v1", 42, 6, 64, 2e-3, 8, 0.2, 0.5,
      8.0, 1.5, 30, 0.25, 8, Architecture.FULL, List.of("cpu", "latency"), 0.9, 0.1);

  @Test
  void eachCopyChangesOnlyItsOwnSetting() throws Exception {
    assertOnlyChanged(o -> o.withEpochs(3), "epochs", 3);
    assertOnlyChanged(o -> o.withLogTokens(0), "logTokens", 0);
    assertOnlyChanged(o -> o.withBenignFraction(0.4), "benignFraction", 0.4);
    assertOnlyChanged(o -> o.withArchitecture(Architecture.parse("concat")), "architecture",
        Architecture.parse("concat"));
    assertOnlyChanged(o -> o.withModelVersion("v2"), "modelVersion", "v2");
    assertOnlyChanged(o -> o.withSeed(7), "seed", 7L);
    assertOnlyChanged(o -> o.withChannels(List.of("memory")), "channels", List.of("memory"));
    assertOnlyChanged(o -> o.withCompressAbove(3), "compressAbove", 3.0);
    assertOnlyChanged(o -> o.withCoupling(0.95), "coupling", 0.95);
    assertOnlyChanged(o -> o.withOffsetFraction(0.25), "offsetFraction", 0.25);
  }

  @Test
  void choosingByFrequencyForgetsTheNamedChannels() throws Exception {
    TrainingOptions o = base.withVocabularySize(16);
    assertThat(o.vocabularySize()).isEqualTo(16);
    assertThat(o.channels()).isEmpty();
    assertThat(o.withVocabularySize(8).withChannels(base.channels())).isEqualTo(base);
  }

  @Test
  void copiesAreValidatedLikeTheOriginal() {
    assertThatThrownBy(() -> base.withEpochs(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withCoupling(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withChannels(List.of("cpu", "cpu")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertOnlyChanged(UnaryOperator<TrainingOptions> change, String name, Object value)
      throws Exception {
    TrainingOptions changed = change.apply(base);
    List<String> differing = new ArrayList<>();
    for (RecordComponent c : TrainingOptions.class.getRecordComponents()) {
      Object before = c.getAccessor().invoke(base);
      Object after = c.getAccessor().invoke(changed);
      if (!before.equals(after)) {
        differing.add(c.getName());
      }
      if (c.getName().equals(name)) {
        assertThat(after).as(name).isEqualTo(value);
      }
    }
    assertThat(differing).as(name).containsExactly(name);
  }
}
