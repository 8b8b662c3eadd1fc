package dev.stormwatch.feedback;

import dev.stormwatch.detect.DetectionResult;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The feedback stream of a job configured without feedback: emits nothing, but is derived from the
 * scored windows so it carries their watermarks and never holds back the alert operator.
 */
public class NoFeedback implements FlatMapFunction<DetectionResult, FeedbackUpdate> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(DetectionResult r, Collector<FeedbackUpdate> out) {
    // no feedback sources: nothing to emit
  }
}
