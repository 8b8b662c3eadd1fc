package dev.stormwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The async detector operator: batches across windows, and falls back to the baseline on timeouts. */
class AsyncDetectFunctionITCase {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

  /** Scores 1.0 and reports the size of the batch it was called with. */
  static final class BatchSizeDetector implements Detector {
    private final long delayMillis;

    BatchSizeDetector(long delayMillis) {
      this.delayMillis = delayMillis;
    }

    @Override
    public String modelVersion() {
      return "probe-1";
    }

    @Override
    public DetectionResult score(WindowAssembly w) {
      return scoreAll(List.of(w)).get(0);
    }

    @Override
    public List<DetectionResult> scoreAll(List<WindowAssembly> windows) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<DetectionResult> out = new ArrayList<>();
      for (WindowAssembly w : windows) {
        DetectionResult r = DetectionResult.forWindow(w);
        r.score = 1.0;
        r.modelVersion = modelVersion();
        r.reason = "batch of " + windows.size();
        out.add(r);
      }
      return out;
    }
  }

  private static List<WindowAssembly> windows(int n) {
    List<WindowAssembly> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      WindowAssembly w = new WindowAssembly();
      w.provider = "aws";
      w.service = "svc-" + i;
      w.end = 600_000L;
      w.stepMillis = 60_000L;
      w.steps = 10;
      w.infoCounts = new int[10];
      w.warnCounts = new int[10];
      w.errorCounts = new int[10];
      out.add(w);
    }
    return out;
  }

  private static List<DetectionResult> run(long delayMillis, long timeoutMillis) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    DataStream<WindowAssembly> in = env.fromData(windows(40));
    BaselineConfig cfg = BaselineConfig.defaults();
    DataStream<DetectionResult> out = AsyncDataStream.unorderedWait(in,
        new AsyncDetectFunction(() -> new BatchSizeDetector(delayMillis), cfg, 16, 50),
        timeoutMillis, TimeUnit.MILLISECONDS, 64);
    List<DetectionResult> results = new ArrayList<>();
    out.executeAndCollect().forEachRemaining(results::add);
    return results;
  }

  @Test
  void scoresWindowsInBatchesAcrossKeys() throws Exception {
    List<DetectionResult> results = run(5, 10_000);
    assertThat(results).hasSize(40).allSatisfy(r -> {
      assertThat(r.fallback).isFalse();
      assertThat(r.modelVersion).isEqualTo("probe-1");
    });
    assertThat(results).anySatisfy(r -> assertThat(r.reason).isNotEqualTo("batch of 1"));
  }

  @Test
  void fallsBackToTheBaselineWhenTheDetectorIsTooSlow() throws Exception {
    List<DetectionResult> results = run(2_000, 100);
    assertThat(results).hasSize(40).allSatisfy(r -> {
      assertThat(r.fallback).isTrue();
      assertThat(r.modelVersion).isEqualTo("baseline-1");
      assertThat(r.reason).contains("baseline fallback: detector timed out");
    });
  }
}
