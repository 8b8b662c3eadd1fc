package dev.stormwatch.detect;

import dev.stormwatch.window.WindowAssembly;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Scores windows asynchronously with the configured detector, micro-batched across keys on one
 * predictor per subtask. A window whose score does not come back in time, or whose detector fails,
 * is scored by the baseline detector instead and marked {@code fallback}: the job never fails
 * because a model is slow.
 */
public class AsyncDetectFunction extends RichAsyncFunction<WindowAssembly, DetectionResult> {
  private static final long serialVersionUID = 1L;

  /** Metric: windows scored by the baseline fallback. */
  public static final String FALLBACK_COUNTER = "windows_fallback";

  private final DetectorFactory factory;
  private final BaselineConfig baselineConfig;
  private final int batchSize;
  private final long batchDelayMillis;

  private transient MicroBatcher batcher;
  private transient BaselineDetector fallback;
  private transient Counter fallbackMetric;

  public AsyncDetectFunction(
      DetectorFactory factory, BaselineConfig baselineConfig, int batchSize, long batchDelayMillis) {
    this.factory = factory;
    this.baselineConfig = baselineConfig;
    this.batchSize = batchSize;
    this.batchDelayMillis = batchDelayMillis;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    batcher = new MicroBatcher(factory.create(), batchSize, batchDelayMillis, "stormwatch-detector-" + subtask);
    fallback = new BaselineDetector(baselineConfig);
    fallbackMetric = getRuntimeContext().getMetricGroup().counter(FALLBACK_COUNTER);
  }

  @Override
  public void asyncInvoke(WindowAssembly window, ResultFuture<DetectionResult> result) {
    batcher.submit(window).whenComplete((r, error) -> {
      if (error == null) {
        result.complete(List.of(r));
      } else {
        result.complete(List.of(fallback(window, "detector failed: " + error.getMessage())));
      }
    });
  }

  @Override
  public void timeout(WindowAssembly window, ResultFuture<DetectionResult> result) {
    result.complete(List.of(fallback(window, "detector timed out")));
  }

  private synchronized DetectionResult fallback(WindowAssembly window, String why) {
    fallbackMetric.inc();
    DetectionResult r = fallback.score(window);
    r.fallback = true;
    r.reason = r.reason + " (baseline fallback: " + why + ")";
    return r;
  }

  @Override
  public void close() throws Exception {
    if (batcher != null) {
      batcher.close();
    }
  }
}
