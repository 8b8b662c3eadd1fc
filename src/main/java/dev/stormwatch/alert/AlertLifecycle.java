package dev.stormwatch.alert;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per (provider, service): puts scored windows back into event-time order (the async detector may
 * reorder them) by buffering each until the watermark passes its window end, then runs the {@link
 * AlertPolicy} and emits firing/resolved events. Warm-up windows advance nothing and emit nothing.
 */
public class AlertLifecycle extends KeyedProcessFunction<String, DetectionResult, AlertEvent> {
  private static final long serialVersionUID = 1L;

  public static final String FIRING_COUNTER = "alerts_firing";
  public static final String RESOLVED_COUNTER = "alerts_resolved";
  public static final String SCORED_COUNTER = "windows_scored";
  public static final String FALLBACK_COUNTER = "windows_fallback";

  private final AlertPolicy policy;

  private transient MapState<Long, DetectionResult> pending;
  private transient ValueState<AlertState> state;
  private transient LongCounter firing;
  private transient LongCounter resolved;
  private transient LongCounter scored;
  private transient LongCounter fallbacks;

  public AlertLifecycle(AlertPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void open(OpenContext openContext) {
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>(
        "pending", Types.LONG, TypeInformation.of(DetectionResult.class)));
    state = getRuntimeContext().getState(
        new ValueStateDescriptor<>("alert", TypeInformation.of(AlertState.class)));
    firing = new LongCounter();
    resolved = new LongCounter();
    getRuntimeContext().addAccumulator(FIRING_COUNTER, firing);
    getRuntimeContext().addAccumulator(RESOLVED_COUNTER, resolved);
    scored = new LongCounter();
    fallbacks = new LongCounter();
    getRuntimeContext().addAccumulator(SCORED_COUNTER, scored);
    getRuntimeContext().addAccumulator(FALLBACK_COUNTER, fallbacks);
  }

  @Override
  public void processElement(DetectionResult r, Context ctx, Collector<AlertEvent> out)
      throws Exception {
    scored.add(1);
    if (r.fallback) {
      fallbacks.add(1);
    }
    pending.put(r.windowEnd, r);
    ctx.timerService().registerEventTimeTimer(r.windowEnd);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out)
      throws Exception {
    DetectionResult r = pending.get(timestamp);
    if (r == null) {
      return;
    }
    pending.remove(timestamp);
    AlertState s = state.value();
    if (s == null) {
      s = new AlertState();
    }
    AlertEvent event = policy.advance(s, r);
    if (event != null) {
      (event.status().equals(AlertEvent.FIRING) ? firing : resolved).add(1);
      out.collect(event);
    }
    if (s.isIdle()) {
      state.clear();
    } else {
      state.update(s);
    }
  }
}
