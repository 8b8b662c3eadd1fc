package dev.stormwatch.alert.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds the HTTP request (URL and JSON body) for a batch of pending notifications of one endpoint,
 * at send time, so that secrets (routing key, webhook URL) never sit in a queue or in state.
 */
final class NotificationRequests {
  private final DeliveryConfig config;
  private final AlertmanagerClient alertmanagerBodies;
  private final Duration alertmanagerValidity;

  /**
   * @param alertmanagerValidity how long Alertmanager keeps a firing alert without a refresh
   */
  NotificationRequests(DeliveryConfig config, JsonPoster poster, Duration alertmanagerValidity) {
    this.config = config;
    this.alertmanagerBodies = new AlertmanagerClient(config, poster);
    this.alertmanagerValidity = alertmanagerValidity;
  }

  URI uri(Notification n) {
    return switch (n.endpoint()) {
      case DeliveryDispatcher.PAGERDUTY -> Notification.CHANGE.equals(n.type())
          ? config.pagerDutyChangeUri() : config.pagerDutyEventsUri();
      case DeliveryDispatcher.SLACK -> config.slackWebhookUri();
      default -> config.alertmanagerAlertsUri();
    };
  }

  /** The body: one PagerDuty event, one Slack message (a digest for several), one Alertmanager post. */
  String body(List<Notification> batch, long nowMillis) {
    Notification n = batch.get(0);
    return switch (n.endpoint()) {
      case DeliveryDispatcher.PAGERDUTY -> (Notification.CHANGE.equals(n.type())
          ? PagerDutyEvents.modelChange(config.pagerDutyRoutingKey(), n.previousModelVersion(),
              n.alert().modelVersion(), Instant.ofEpochMilli(nowMillis).toString(), config.linkUrl())
          : PagerDutyEvents.alertEvent(n.alert(), config.pagerDutyRoutingKey(), config.linkUrl(),
              config.imageUrl())).toString();
      case DeliveryDispatcher.SLACK -> (batch.size() == 1 ? SlackMessages.single(n.alert())
          : SlackMessages.digest(batch.stream().map(Notification::alert).toList())).toString();
      default -> alertmanagerBodies.refreshBody(n.alert(), alertmanagerValidity).toString();
    };
  }
}
