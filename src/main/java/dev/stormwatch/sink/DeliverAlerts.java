package dev.stormwatch.sink;

import dev.stormwatch.alert.delivery.AlertmanagerClient;
import dev.stormwatch.alert.delivery.DeliveryConfig;
import dev.stormwatch.alert.delivery.DeliveryResult;
import dev.stormwatch.alert.delivery.JsonPoster;
import dev.stormwatch.alert.delivery.PagerDutyClient;
import dev.stormwatch.alert.delivery.SlackClient;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert events to PagerDuty (Events API v2), Slack (incoming webhook) and Alertmanager,
 * each enabled by its environment variable on the task manager ({@code PAGERDUTY_ROUTING_KEY},
 * {@code SLACK_WEBHOOK_URL}, {@code ALERTMANAGER_URL}); secrets are read in {@link #open}, never
 * shipped in the job graph. A notification the endpoint refuses for good (e.g. HTTP 400) or that
 * exhausts its retries becomes a dead letter with the reason. Runs at parallelism 1 so that rate
 * limits and Slack digests hold per routing key and webhook; keyed by one constant key only to
 * get a processing-time timer that sends a held Slack digest when its slot comes.
 */
public class DeliverAlerts extends KeyedProcessFunction<String, AlertEvent, DeadLetter> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DeliverAlerts.class);
  /** The single key all alerts are delivered under. */
  public static final String KEY = "delivery";
  private static final long SLACK_FLUSH_DELAY_MS = 1_100;

  private final Map<String, String> environmentOverride;

  private transient PagerDutyClient pagerDuty;
  private transient SlackClient slack;
  private transient AlertmanagerClient alertmanager;
  private transient Counter delivered;
  private transient Counter failed;

  /** Reads the delivery settings from the task manager's environment. */
  public DeliverAlerts() {
    this(null);
  }

  /** Reads the delivery settings from the given variables instead (tests, embedded runs). */
  public DeliverAlerts(Map<String, String> environmentOverride) {
    this.environmentOverride = environmentOverride;
  }

  @Override
  public void open(OpenContext openContext) {
    DeliveryConfig cfg = DeliveryConfig.fromEnv(environmentOverride != null ? environmentOverride : System.getenv());
    JsonPoster poster = JsonPoster.standard(cfg);
    pagerDuty = cfg.pagerDutyEnabled() ? new PagerDutyClient(cfg, poster) : null;
    slack = cfg.slackEnabled() ? new SlackClient(cfg, poster) : null;
    alertmanager = cfg.alertmanagerEnabled() ? new AlertmanagerClient(cfg, poster) : null;
    delivered = getRuntimeContext().getMetricGroup().counter("notifications_delivered");
    failed = getRuntimeContext().getMetricGroup().counter("notifications_failed");
    LOG.info("alert delivery: {}", cfg);
  }

  @Override
  public void processElement(AlertEvent alert, Context ctx, Collector<DeadLetter> out)
      throws Exception {
    if (pagerDuty != null) {
      check("pagerduty", pagerDuty.send(alert), alert, out);
    }
    if (slack != null) {
      check("slack", slack.submit(alert), alert, out);
      if (slack.pendingCount() > 0) {
        ctx.timerService().registerProcessingTimeTimer(
            ctx.timerService().currentProcessingTime() + SLACK_FLUSH_DELAY_MS);
      }
    }
    if (alertmanager != null) {
      check("alertmanager", alertmanager.send(alert), alert, out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeadLetter> out) throws Exception {
    if (slack != null && slack.pendingCount() > 0) {
      DeliveryResult r = slack.flushDue();
      if (r.outcome() != DeliveryResult.Outcome.DELIVERED && r.outcome() != DeliveryResult.Outcome.QUEUED
          && r.outcome() != DeliveryResult.Outcome.DISABLED) {
        failed.inc();
        out.collect(DeadLetter.of(DeadLetter.Reasons.DELIVERY_FAILED,
            "slack refused a digest: " + r.outcome() + ", " + r.reason(), "", "slack"));
      }
      if (slack.pendingCount() > 0) {
        ctx.timerService().registerProcessingTimeTimer(timestamp + SLACK_FLUSH_DELAY_MS);
      }
    }
  }

  private void check(String endpoint, DeliveryResult r, AlertEvent alert, Collector<DeadLetter> out) {
    switch (r.outcome()) {
      case DELIVERED, QUEUED, DISABLED -> delivered.inc();
      default -> {
        failed.inc();
        out.collect(DeadLetter.of(DeadLetter.Reasons.DELIVERY_FAILED,
            endpoint + " refused the " + alert.status() + " notification for " + alert.dedupKey() + ": "
                + r.outcome() + " after " + r.attempts() + " attempt(s), " + r.reason(),
            JsonCodec.alert(alert), endpoint));
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (slack != null) {
      slack.flush();
    }
  }
}
