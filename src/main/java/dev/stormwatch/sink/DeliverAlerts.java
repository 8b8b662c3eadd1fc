package dev.stormwatch.sink;

import dev.stormwatch.alert.delivery.DeliveryConfig;
import dev.stormwatch.alert.delivery.DeliveryDispatcher;
import dev.stormwatch.alert.delivery.DeliverySettings;
import dev.stormwatch.alert.delivery.DeliveryState;
import dev.stormwatch.alert.delivery.JsonPoster;
import dev.stormwatch.alert.delivery.Notification;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert events to PagerDuty (Events API v2), Slack (incoming webhook) and Alertmanager,
 * each enabled by its environment variable on the task manager ({@code PAGERDUTY_ROUTING_KEY},
 * {@code SLACK_WEBHOOK_URL}, {@code ALERTMANAGER_URL}, or their {@code _FILE} variants); secrets
 * are read in {@link #open}, never shipped in the job graph nor kept in state. Sending is
 * asynchronous ({@link DeliveryDispatcher}): processElement only queues, processing-time timers
 * poll completions and start the next requests, so a slow or unreachable endpoint never holds up
 * detection. Pending notifications live in operator state and survive a restart; past {@code
 * delivery.max-pending} or {@code delivery.max-age} they become dead letters. Runs at parallelism
 * 1 under one constant key (for the timers) so rate limits and Slack digests hold per endpoint.
 * Wrap it in {@link DeliveryOperator} so a bounded run drains the queues at the end of its input.
 */
public class DeliverAlerts extends KeyedProcessFunction<String, AlertEvent, DeadLetter>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DeliverAlerts.class);
  /** The single key all alerts are delivered under. */
  public static final String KEY = "delivery";
  /** Gauge of notifications queued over all endpoints. */
  public static final String PENDING_GAUGE = "notifications_pending";
  private static final long DRAIN_POLL_MS = 10;

  private final Map<String, String> environmentOverride;
  private final DeliverySettings settings;

  private transient DeliveryDispatcher dispatcher;
  private transient ListState<String> savedPending;
  private transient ListState<String> savedMeta;
  private transient DeliveryState restored;
  private transient volatile int pendingNow;

  /** Reads the delivery settings from the task manager's environment, with default tunables. */
  public DeliverAlerts() {
    this(new DeliverySettings(), null);
  }

  /** Reads the delivery settings from the given variables instead (tests, embedded runs). */
  public DeliverAlerts(Map<String, String> environmentOverride) {
    this(new DeliverySettings(), environmentOverride);
  }

  /** Tunables from the job configuration; variables from {@code environmentOverride} or the environment. */
  public DeliverAlerts(DeliverySettings settings, Map<String, String> environmentOverride) {
    this.settings = settings.validate();
    this.environmentOverride = environmentOverride == null ? null : Map.copyOf(environmentOverride);
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    savedPending = context.getOperatorStateStore().getListState(
        new ListStateDescriptor<>("pending-notifications", Types.STRING));
    savedMeta = context.getOperatorStateStore().getListState(
        new ListStateDescriptor<>("delivery-meta", Types.STRING));
    if (context.isRestored()) {
      List<DeliveryState> metas = new ArrayList<>();
      for (String json : savedMeta.get()) {
        metas.add(DeliveryState.fromJson(json));
      }
      List<Notification> pending = new ArrayList<>();
      for (String json : savedPending.get()) {
        pending.add(Notification.fromJson(json));
      }
      DeliveryState meta = metas.isEmpty() ? new DeliveryState(null, null, null, null) : DeliveryState.merge(metas);
      restored = meta.withPending(pending);
    }
  }

  @Override
  public void open(OpenContext openContext) {
    DeliveryConfig cfg = DeliveryConfig.fromEnv(environmentOverride != null ? environmentOverride : System.getenv());
    JsonPoster poster = JsonPoster.withTimeout(cfg, settings.requestTimeout, settings.retryPolicy());
    long now = System.currentTimeMillis();
    dispatcher = new DeliveryDispatcher(cfg, settings, poster, new Random()::nextDouble, now);
    if (restored != null) {
      dispatcher.restore(restored, now);
      restored = null;
    }
    pendingNow = dispatcher.pending();
    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    metrics.gauge(PENDING_GAUGE, (Gauge<Integer>) () -> pendingNow);
    metrics.gauge("notifications_delivered", (Gauge<Long>) () -> dispatcher.delivered());
    metrics.gauge("notifications_retried", (Gauge<Long>) () -> dispatcher.retried());
    metrics.gauge("notifications_dead_lettered", (Gauge<Long>) () -> dispatcher.deadLettered());
    LOG.info("alert delivery: {}, {} notification(s) restored", cfg, pendingNow);
  }

  @Override
  public void processElement(AlertEvent alert, Context ctx, Collector<DeadLetter> out) {
    long now = ctx.timerService().currentProcessingTime();
    dispatcher.accept(alert, now, out::collect);
    dispatcher.tick(now, out::collect);
    schedule(ctx.timerService(), now);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeadLetter> out) {
    long now = Math.max(timestamp, ctx.timerService().currentProcessingTime());
    dispatcher.tick(now, out::collect);
    schedule(ctx.timerService(), now);
  }

  private void schedule(TimerService timers, long now) {
    pendingNow = dispatcher.pending();
    long next = dispatcher.nextWakeup(now);
    if (next != Long.MAX_VALUE) {
      long tick = settings.tick.toMillis();
      // aligned to the tick so that repeated registrations coincide (one timer per timestamp and key)
      timers.registerProcessingTimeTimer((Math.max(next, now + 1) + tick - 1) / tick * tick);
    }
  }

  /**
   * Blocks until every queued notification is delivered or {@code delivery.drain-timeout} passes,
   * then dead-letters what is left; for the end of a bounded input only. Time runs on from the
   * operator's processing time {@code processingTimeNow} at the pace of the wall clock.
   */
  public void drain(Collector<DeadLetter> out, long processingTimeNow) throws InterruptedException {
    long wallStart = System.currentTimeMillis();
    long waited = 0;
    while (!dispatcher.idle() && waited < settings.drainTimeout.toMillis()) {
      dispatcher.tick(processingTimeNow + waited, out::collect);
      if (!dispatcher.idle()) {
        Thread.sleep(DRAIN_POLL_MS);
      }
      waited = System.currentTimeMillis() - wallStart;
    }
    if (!dispatcher.idle()) {
      LOG.warn("{} notification(s) still pending when the input ended", dispatcher.pending());
      dispatcher.abandon("still pending " + settings.drainTimeout + " after the input ended", out::collect);
    }
    pendingNow = dispatcher.pending();
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    DeliveryState state = dispatcher.snapshot();
    List<String> pending = new ArrayList<>(state.pending().size());
    state.pending().forEach(n -> pending.add(n.toJson()));
    savedPending.update(pending);
    savedMeta.update(List.of(state.withoutPending().toJson()));
  }
}
