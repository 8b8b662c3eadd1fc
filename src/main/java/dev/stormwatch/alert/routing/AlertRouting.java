package dev.stormwatch.alert.routing;

import dev.stormwatch.Uids;
import dev.stormwatch.event.AlertEvent;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Wires the notification router between the alert lifecycle and the notification sinks. */
public final class AlertRouting {
  private AlertRouting() {}

  /**
   * The notifications for {@code alerts}: routed per provider when {@code cfg} enables routing,
   * otherwise every lifecycle event unchanged.
   */
  public static DataStream<AlertEvent> notifications(DataStream<AlertEvent> alerts, RoutingConfig cfg) {
    if (!cfg.enabled) {
      return alerts;
    }
    return alerts
        .keyBy(AlertEvent::provider)
        .process(new AlertRouter(cfg))
        .uid(Uids.ROUTING)
        .name("route notifications (group, inhibit, silence)");
  }
}
