package dev.stormwatch.alert.routing;

import dev.stormwatch.alert.routing.RoutingStep.Decision;
import dev.stormwatch.event.AlertEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by provider: decides which lifecycle events reach the notification sinks (see {@link
 * GroupRouter}). Events wait until the watermark passes them and are then routed in event-time
 * order, so the decisions do not depend on how upstream subtasks interleave. Keeps one {@link
 * RoutingGroup} and its timers per provider and drops both once nothing fires and nothing is held.
 */
public class AlertRouter extends KeyedProcessFunction<String, AlertEvent, AlertEvent> {
  private static final long serialVersionUID = 1L;

  public static final String ROUTED_COUNTER = "notifications_routed";
  public static final String GROUPED_COUNTER = "notifications_grouped";
  public static final String SILENCED_COUNTER = "notifications_silenced";
  public static final String INHIBITED_COUNTER = "notifications_inhibited";
  public static final String REPEATED_COUNTER = "notifications_repeated";
  public static final String CANCELLED_COUNTER = "notifications_cancelled";

  private final GroupRouter router;

  private transient ValueState<RoutingGroup> group;
  private transient ValueState<Long> timer;
  private transient LongCounter routed;
  private transient Map<Decision, LongCounter> counters;

  public AlertRouter(RoutingConfig cfg) {
    this.router = new GroupRouter(cfg);
  }

  @Override
  public void open(OpenContext openContext) {
    group = getRuntimeContext().getState(
        new ValueStateDescriptor<>("routing-group", TypeInformation.of(RoutingGroup.class)));
    timer = getRuntimeContext().getState(new ValueStateDescriptor<>("routing-timer", Types.LONG));
    routed = counter(ROUTED_COUNTER);
    counters = new EnumMap<>(Decision.class);
    counters.put(Decision.GROUPED, counter(GROUPED_COUNTER));
    counters.put(Decision.SILENCED, counter(SILENCED_COUNTER));
    counters.put(Decision.INHIBITED, counter(INHIBITED_COUNTER));
    counters.put(Decision.REPEATED, counter(REPEATED_COUNTER));
    counters.put(Decision.CANCELLED, counter(CANCELLED_COUNTER));
  }

  private LongCounter counter(String name) {
    LongCounter c = new LongCounter();
    getRuntimeContext().addAccumulator(name, c);
    return c;
  }

  @Override
  public void processElement(AlertEvent alert, Context ctx, Collector<AlertEvent> out) throws Exception {
    RoutingGroup g = group.value();
    if (g == null) {
      g = new RoutingGroup();
    }
    // events of one provider come from several upstream subtasks: route them in event-time order,
    // once the watermark has passed them
    g.inbox.add(alert);
    ctx.timerService().registerEventTimeTimer(eventTime(alert));
    group.update(g);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
    Long registered = timer.value();
    if (registered != null && registered <= timestamp) {
      timer.clear();
    }
    RoutingGroup g = group.value();
    if (g == null) {
      return;
    }
    List<AlertEvent> due = g.inbox.stream().filter(a -> eventTime(a) <= timestamp)
        .sorted(Comparator.comparingLong(AlertRouter::eventTime)).toList();
    g.inbox.removeAll(due);
    for (AlertEvent a : due) {
      emit(router.onAlert(g, a, eventTime(a)), out);
    }
    emit(router.advance(g, timestamp, ctx.timerService().currentWatermark() == Long.MAX_VALUE), out);
    reschedule(g, ctx.timerService());
  }

  private static long eventTime(AlertEvent a) {
    return Instant.parse(a.eventTime()).toEpochMilli();
  }

  private void emit(RoutingStep step, Collector<AlertEvent> out) {
    for (AlertEvent a : step.notifications()) {
      out.collect(a);
    }
    routed.add(step.notifications().size());
    counters.forEach((d, c) -> c.add(step.count(d)));
  }

  private void reschedule(RoutingGroup g, TimerService timers) throws Exception {
    Long registered = timer.value();
    long next = g.isIdle() ? Long.MIN_VALUE : g.nextWakeUp();
    if (registered != null && registered != next) {
      // a timer shared with a waiting inbox event must stay
      if (g.inbox.stream().noneMatch(a -> eventTime(a) == registered)) {
        timers.deleteEventTimeTimer(registered);
      }
      timer.clear();
    }
    if (next != Long.MIN_VALUE && (registered == null || registered != next)) {
      timers.registerEventTimeTimer(next);
      timer.update(next);
    }
    if (g.isIdle()) {
      group.clear();
    } else {
      group.update(g);
    }
  }
}
