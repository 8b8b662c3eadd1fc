package dev.stormwatch.alert;

import dev.stormwatch.alert.bayes.BetaPrior;
import dev.stormwatch.alert.bayes.KeyBelief;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.alert.bayes.ProviderPriors;
import dev.stormwatch.alert.bayes.ServiceEvidence;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.Keys;
import dev.stormwatch.feedback.FeedbackUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per (provider, service): puts scored windows back into event-time order (the async detector may
 * reorder them) by buffering each until the watermark passes its window end, then runs the {@link
 * AlertPolicy} and emits firing/resolved events (and, with an {@link EarlyWarningPolicy}, early
 * warnings and their clearing). Each key's {@link KeyBelief} (Bayesian prior and
 * score likelihoods) turns live scores into the posterior and uncertainty the alerts carry; warm-up
 * windows (and calm live windows) teach it what normal scores look like; warm-up never alerts. All
 * of a key's state is dropped after the retention period without windows.
 *
 * <p>Operator feedback arrives on the broadcast side as {@link FeedbackUpdate}s: every subtask
 * pools it per (provider, service) in broadcast state (the same updates everywhere, so the same
 * state), and a new key starts from its provider's prior ({@link ProviderPriors}: configured prior
 * plus the provider's pooled feedback); the subtask that owns the key queues the verdict in the
 * key's belief (or, when the key has no belief yet, the key's first window picks it up from the
 * broadcast state), which applies it before the first window ending at or after the feedback time.
 */
public class AlertLifecycle
    extends KeyedBroadcastProcessFunction<String, DetectionResult, FeedbackUpdate, AlertEvent> {
  private static final long serialVersionUID = 1L;

  public static final String FIRING_COUNTER = "alerts_firing";
  public static final String RESOLVED_COUNTER = "alerts_resolved";
  public static final String SCORED_COUNTER = "windows_scored";
  public static final String FALLBACK_COUNTER = "windows_fallback";
  public static final String FEEDBACK_COUNTER = "feedback_applied";
  public static final String EARLY_WARNING_COUNTER = "early_warnings";

  /** Broadcast state: each (provider, service) key's pooled operator feedback. */
  public static final MapStateDescriptor<String, ServiceEvidence> SERVICE_EVIDENCE =
      new MapStateDescriptor<>("service-feedback", Types.STRING, TypeInformation.of(ServiceEvidence.class));

  private final WindowDecision decision;
  private final double priorIncidentRate;
  private final double priorStrength;
  private final long retentionMillis;
  private final FeedbackLearning learning;

  private transient MapState<Long, DetectionResult> pending;
  private transient ValueState<AlertState> state;
  private transient BetaPrior configuredPrior;
  private transient ValueStateDescriptor<KeyBelief> beliefDescriptor;
  private transient ValueState<KeyBelief> belief;
  private transient ValueState<Long> lastWindowEnd;
  private transient ValueState<Long> cleanupAt;
  private transient LongCounter firing;
  private transient LongCounter resolved;
  private transient LongCounter scored;
  private transient LongCounter fallbacks;
  private transient LongCounter feedbackApplied;
  private transient LongCounter earlyWarnings;
  /** The newest window end this subtask received since it (re)started. */
  private transient long newestWindowEnd;

  /**
   * @param priorIncidentRate mean of the incident-rate prior a new key starts from, weighted as
   *     {@code priorStrength} pseudo-windows
   * @param retentionMillis event time without windows after which the key's state is dropped
   */
  public AlertLifecycle(AlertPolicy policy, PosteriorCalculator calculator, double priorIncidentRate,
      double priorStrength, long retentionMillis) {
    this(policy, calculator, priorIncidentRate, priorStrength, retentionMillis,
        FeedbackLearning.defaults(priorStrength));
  }

  /** As above, learning from operator feedback as {@code learning} says. */
  public AlertLifecycle(AlertPolicy policy, PosteriorCalculator calculator, double priorIncidentRate,
      double priorStrength, long retentionMillis, FeedbackLearning learning) {
    this(policy, EarlyWarningPolicy.off(), calculator, priorIncidentRate, priorStrength,
        retentionMillis, learning);
  }

  /** As above, also raising early warnings as {@code earlyWarning} says. */
  public AlertLifecycle(AlertPolicy policy, EarlyWarningPolicy earlyWarning,
      PosteriorCalculator calculator, double priorIncidentRate, double priorStrength,
      long retentionMillis, FeedbackLearning learning) {
    this.learning = learning;
    this.decision = new WindowDecision(policy, calculator, earlyWarning);
    this.priorIncidentRate = priorIncidentRate;
    this.priorStrength = priorStrength;
    this.retentionMillis = retentionMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    configuredPrior = BetaPrior.withMean(priorIncidentRate, priorStrength);
    newestWindowEnd = Long.MIN_VALUE;
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>(
        "pending", Types.LONG, TypeInformation.of(DetectionResult.class)));
    state = getRuntimeContext().getState(
        new ValueStateDescriptor<>("alert", TypeInformation.of(AlertState.class)));
    beliefDescriptor = new ValueStateDescriptor<>("belief", TypeInformation.of(KeyBelief.class));
    belief = getRuntimeContext().getState(beliefDescriptor);
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
    feedbackApplied = new LongCounter();
    getRuntimeContext().addAccumulator(FEEDBACK_COUNTER, feedbackApplied);
    earlyWarnings = new LongCounter();
    getRuntimeContext().addAccumulator(EARLY_WARNING_COUNTER, earlyWarnings);
  }

  @Override
  public void processElement(DetectionResult r, ReadOnlyContext ctx, Collector<AlertEvent> out)
      throws Exception {
    if (r.live) {
      scored.add(1);
      if (r.fallback) {
        fallbacks.add(1);
      }
    }
    newestWindowEnd = Math.max(newestWindowEnd, r.windowEnd);
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
        closeSilentKey(ctx, timestamp, out);
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
      b = newBelief(ctx.getBroadcastState(SERVICE_EVIDENCE), r);
    }
    feedbackApplied.add(b.applyFeedbackUpTo(r.windowEnd, learning.halfLifeMillis()));
    if (!r.live) {
      decision.learnWarmup(b, r);
      belief.update(b);
      return;
    }
    AlertState s = state.value();
    if (s == null) {
      s = new AlertState();
    }
    WindowDecision.Outcome outcome = decision.decide(b, s, r);
    AlertEvent event = outcome.event();
    if (event != null && event.status().equals(AlertEvent.FIRING)) {
      b.alertFired(r.score, Math.max(1, s.above));
    } else if (s.firing && s.below == 0) {
      b.alertContinued(r.score);
    }
    belief.update(b);
    for (AlertEvent e : outcome.events()) {
      emit(e, out);
    }
    if (s.isIdle()) {
      state.clear();
    } else {
      state.update(s);
    }
  }

  /**
   * Resolves the page and clears the warning of a key about to be forgotten after the retention
   * period without windows. At the end of a bounded input (the watermark jumps to its maximum and
   * every key's cleanup fires) only a key that went silent within the input's event time counts:
   * one whose cleanup time lies before the newest window this subtask received.
   */
  private void closeSilentKey(OnTimerContext ctx, long timestamp, Collector<AlertEvent> out)
      throws Exception {
    AlertState s = state.value();
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    if (s == null || (endOfInput && timestamp > newestWindowEnd)) {
      return;
    }
    String key = ctx.getCurrentKey();
    for (AlertEvent e : decision.closeSilentKey(s, Keys.provider(key), Keys.service(key), timestamp,
        retentionMillis)) {
      emit(e, out);
    }
  }

  /** Counts an alert event in the run's counters and emits it. */
  private void emit(AlertEvent e, Collector<AlertEvent> out) {
    switch (e.status()) {
      case AlertEvent.FIRING -> firing.add(1);
      case AlertEvent.RESOLVED -> resolved.add(1);
      case AlertEvent.EARLY_WARNING -> earlyWarnings.add(1);
      default -> { }
    }
    out.collect(e);
  }

  /**
   * Pools the verdict into its service's evidence (every subtask, identically) and queues it in
   * the belief of its key on the subtask that holds that key. Finding the key walks this subtask's
   * keys: acceptable because feedback comes at human rate, a handful per hour, not per record.
   */
  @Override
  public void processBroadcastElement(FeedbackUpdate u, Context ctx, Collector<AlertEvent> out)
      throws Exception {
    String key = u.key();
    ServiceEvidence evidence = ctx.getBroadcastState(SERVICE_EVIDENCE).get(key);
    if (evidence == null) {
      evidence = new ServiceEvidence();
    }
    evidence.add(u.timeMillis, u.verdict, learning.pooledWeight(), learning.halfLifeMillis());
    ctx.getBroadcastState(SERVICE_EVIDENCE).put(key, evidence);
    ctx.applyToKeyedState(beliefDescriptor, (k, state) -> {
      KeyBelief b = k.equals(key) ? state.value() : null;
      if (b != null) {
        b.queueFeedback(u.verdict, u.timeMillis, learning.halfLifeMillis());
        state.update(b);
      }
    });
  }

  /**
   * A key's first window: its provider's prior as of the window, and the key's own verdicts that
   * are due later queued. Those arrived before this subtask had processed any window of the key
   * (the feedback branch's watermark can run ahead of the windows still waiting here), so the
   * broadcast side found no belief to queue them in.
   */
  private KeyBelief newBelief(ReadOnlyBroadcastState<String, ServiceEvidence> pooled, DetectionResult r)
      throws Exception {
    KeyBelief b = KeyBelief.forNewKey(providerPrior(pooled, r.provider, r.windowEnd), priorStrength);
    ServiceEvidence own = pooled.get(r.key());
    for (int i = 0; own != null && i < own.times.length; i++) {
      if (own.times[i] > r.windowEnd) {
        b.queueFeedback(own.verdictAt(i), own.times[i], learning.halfLifeMillis());
      }
    }
    return b;
  }

  /** The prior a new key of {@code provider} starts from at {@code whenMillis}. */
  private BetaPrior providerPrior(ReadOnlyBroadcastState<String, ServiceEvidence> pooled,
      String provider, long whenMillis) throws Exception {
    List<ServiceEvidence> services = new ArrayList<>();
    for (Map.Entry<String, ServiceEvidence> e : pooled.immutableEntries()) {
      if (Keys.provider(e.getKey()).equals(provider)) {
        services.add(e.getValue());
      }
    }
    return services.isEmpty() ? configuredPrior : ProviderPriors.of(configuredPrior, services,
        whenMillis, learning.halfLifeMillis(), learning.serviceCap());
  }
}
