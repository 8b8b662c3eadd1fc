package dev.stormwatch.alert.routing;

import dev.stormwatch.alert.routing.RoutingStep.Decision;
import dev.stormwatch.event.AlertEvent;
import java.time.Instant;
import java.util.EnumMap;
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
 * GroupRouter}). Keeps one {@link RoutingGroup} and one event-time timer per provider and drops
 * both once the group has nothing firing and nothing held.
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
    long t = Instant.parse(alert.eventTime()).toEpochMilli();
    finish(g, router.onAlert(g, alert, t), ctx.timerService(), out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
    timer.clear();
    RoutingGroup g = group.value();
    if (g != null) {
      finish(g, router.advance(g, timestamp), ctx.timerService(), out);
    }
  }

  private void finish(RoutingGroup g, RoutingStep step, TimerService timers, Collector<AlertEvent> out)
      throws Exception {
    for (AlertEvent a : step.notifications()) {
      out.collect(a);
    }
    routed.add(step.notifications().size());
    counters.forEach((d, c) -> c.add(step.count(d)));
    Long registered = timer.value();
    long next = g.isIdle() ? Long.MIN_VALUE : g.nextWakeUp();
    if (registered != null && registered != next) {
      timers.deleteEventTimeTimer(registered);
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
