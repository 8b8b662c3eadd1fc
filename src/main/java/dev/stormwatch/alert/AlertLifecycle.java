package dev.stormwatch.alert;

import dev.stormwatch.alert.bayes.BetaPrior;
import dev.stormwatch.alert.bayes.KeyBelief;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
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
 * AlertPolicy} and emits firing/resolved events. Each key's {@link KeyBelief} (Bayesian prior and
 * score likelihoods) turns live scores into the posterior and uncertainty the alerts carry; warm-up
 * windows (and calm live windows) teach it what normal scores look like; warm-up never alerts. All of a key's state is
 * dropped after the retention period without windows.
 */
public class AlertLifecycle extends KeyedProcessFunction<String, DetectionResult, AlertEvent> {
  private static final long serialVersionUID = 1L;

  public static final String FIRING_COUNTER = "alerts_firing";
  public static final String RESOLVED_COUNTER = "alerts_resolved";
  public static final String SCORED_COUNTER = "windows_scored";
  public static final String FALLBACK_COUNTER = "windows_fallback";

  private final WindowDecision decision;
  private final double priorIncidentRate;
  private final double priorStrength;
  private final long retentionMillis;

  private transient MapState<Long, DetectionResult> pending;
  private transient ValueState<AlertState> state;
  private transient BetaPrior providerPrior;
  private transient ValueState<KeyBelief> belief;
  private transient ValueState<Long> lastWindowEnd;
  private transient ValueState<Long> cleanupAt;
  private transient LongCounter firing;
  private transient LongCounter resolved;
  private transient LongCounter scored;
  private transient LongCounter fallbacks;

  /**
   * @param priorIncidentRate mean of the incident-rate prior a new key starts from, weighted as
   *     {@code priorStrength} pseudo-windows
   * @param retentionMillis event time without windows after which the key's state is dropped
   */
  public AlertLifecycle(AlertPolicy policy, PosteriorCalculator calculator, double priorIncidentRate,
      double priorStrength, long retentionMillis) {
    this.decision = new WindowDecision(policy, calculator);
    this.priorIncidentRate = priorIncidentRate;
    this.priorStrength = priorStrength;
    this.retentionMillis = retentionMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    providerPrior = BetaPrior.withMean(priorIncidentRate, priorStrength);
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>(
        "pending", Types.LONG, TypeInformation.of(DetectionResult.class)));
    state = getRuntimeContext().getState(
        new ValueStateDescriptor<>("alert", TypeInformation.of(AlertState.class)));
    belief = getRuntimeContext().getState(
        new ValueStateDescriptor<>("belief", TypeInformation.of(KeyBelief.class)));
    lastWindowEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("last-window-end", Types.LONG));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
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
    if (r.live) {
      scored.add(1);
      if (r.fallback) {
        fallbacks.add(1);
      }
    }
    pending.put(r.windowEnd, r);
    ctx.timerService().registerEventTimeTimer(r.windowEnd);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out)
      throws Exception {
    Long cleanup = cleanupAt.value();
    if (cleanup != null && cleanup == timestamp) {
      long last = lastWindowEnd.value();
      if (last + retentionMillis <= timestamp) {
        belief.clear();
        state.clear();
        lastWindowEnd.clear();
        cleanupAt.clear();
      } else {
        ctx.timerService().registerEventTimeTimer(last + retentionMillis);
        cleanupAt.update(last + retentionMillis);
      }
    }
    DetectionResult r = pending.get(timestamp);
    if (r == null) {
      return;
    }
    pending.remove(timestamp);
    lastWindowEnd.update(r.windowEnd);
    if (cleanupAt.value() == null) {
      ctx.timerService().registerEventTimeTimer(r.windowEnd + retentionMillis);
      cleanupAt.update(r.windowEnd + retentionMillis);
    }
    KeyBelief b = belief.value();
    if (b == null) {
      b = KeyBelief.forNewKey(providerPrior, priorStrength);
    }
    if (!r.live) {
      decision.learnWarmup(b, r);
      belief.update(b);
      return;
    }
    AlertState s = state.value();
    if (s == null) {
      s = new AlertState();
    }
    AlertEvent event = decision.decide(b, s, r).event();
    belief.update(b);
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
