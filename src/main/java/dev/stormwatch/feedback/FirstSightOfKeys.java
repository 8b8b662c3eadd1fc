package dev.stormwatch.feedback;

import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.detect.DetectionResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Turns scored windows into the dedup keys their alerts would carry ({@link AlertPolicy#dedupKey}
 * of the window's own model version, so baseline-fallback windows of a hybrid job map too), each
 * emitted the first time this subtask sees it (a bounded LRU; a repeat after eviction or restart
 * is harmless). Reads the detector's output, upstream of the alert operator: no cycle.
 */
public class FirstSightOfKeys extends RichFlatMapFunction<DetectionResult, KeySeen> {
  private static final long serialVersionUID = 1L;

  /** Dedup keys remembered per subtask. */
  public static final int REMEMBERED = 10_000;

  private transient Map<String, Boolean> seen;

  @Override
  public void open(OpenContext openContext) {
    seen = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > REMEMBERED;
      }
    };
  }

  @Override
  public void flatMap(DetectionResult r, Collector<KeySeen> out) {
    String dedupKey = AlertPolicy.dedupKey(r.provider, r.service, r.modelVersion);
    if (seen.put(dedupKey, Boolean.TRUE) == null) {
      out.collect(new KeySeen(r.provider, r.service, dedupKey));
    }
  }
}
