package dev.stormwatch.alert.delivery;

import java.io.Serializable;
import java.net.URI;
import java.util.Map;

/**
 * Where alerts go, read from the environment. The PagerDuty routing key and the Slack webhook URL
 * are secrets: {@link #toString()} masks them and nothing else in this package logs them or puts
 * them into a result or exception message. Unset variables disable that destination.
 *
 * <p>Variables: {@code PAGERDUTY_ROUTING_KEY}, {@code PAGERDUTY_EVENTS_URL} (default {@value
 * #DEFAULT_PAGERDUTY_EVENTS_URL}; change events go to /v2/change/enqueue on the same host), {@code
 * SLACK_WEBHOOK_URL}, {@code ALERTMANAGER_URL} (base URL), and the optional {@code
 * ALERT_LINK_URL} / {@code ALERT_IMAGE_URL} (a dashboard link and graph image attached to pages,
 * the link also as Alertmanager's generatorURL).
 */
public final class DeliveryConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";
  private static final String MASK = "****";

  private final String pagerDutyRoutingKey;
  private final String pagerDutyEventsUrl;
  private final String slackWebhookUrl;
  private final String alertmanagerUrl;
  private final String linkUrl;
  private final String imageUrl;

  public DeliveryConfig(String pagerDutyRoutingKey, String pagerDutyEventsUrl, String slackWebhookUrl,
      String alertmanagerUrl, String linkUrl, String imageUrl) {
    this.pagerDutyRoutingKey = blankToNull(pagerDutyRoutingKey);
    this.pagerDutyEventsUrl = blankToNull(pagerDutyEventsUrl) == null
        ? DEFAULT_PAGERDUTY_EVENTS_URL : pagerDutyEventsUrl.trim();
    this.slackWebhookUrl = blankToNull(slackWebhookUrl);
    this.alertmanagerUrl = blankToNull(alertmanagerUrl);
    this.linkUrl = blankToNull(linkUrl);
    this.imageUrl = blankToNull(imageUrl);
  }

  /** Reads the variables from a map (pass {@code System.getenv()}). */
  public static DeliveryConfig fromEnv(Map<String, String> env) {
    return new DeliveryConfig(env.get("PAGERDUTY_ROUTING_KEY"), env.get("PAGERDUTY_EVENTS_URL"),
        env.get("SLACK_WEBHOOK_URL"), env.get("ALERTMANAGER_URL"), env.get("ALERT_LINK_URL"),
        env.get("ALERT_IMAGE_URL"));
  }

  public boolean pagerDutyEnabled() {
    return pagerDutyRoutingKey != null;
  }

  public boolean slackEnabled() {
    return slackWebhookUrl != null;
  }

  public boolean alertmanagerEnabled() {
    return alertmanagerUrl != null;
  }

  /** The routing key (secret; null if unset). */
  public String pagerDutyRoutingKey() {
    return pagerDutyRoutingKey;
  }

  public URI pagerDutyEventsUri() {
    return URI.create(pagerDutyEventsUrl);
  }

  /** /v2/change/enqueue on the events URL's host. */
  public URI pagerDutyChangeUri() {
    return pagerDutyEventsUri().resolve("/v2/change/enqueue");
  }

  /** The webhook URL (secret; null if unset). */
  public URI slackWebhookUri() {
    return slackWebhookUrl == null ? null : URI.create(slackWebhookUrl);
  }

  /** {@code <ALERTMANAGER_URL>/api/v2/alerts}. */
  public URI alertmanagerAlertsUri() {
    if (alertmanagerUrl == null) {
      return null;
    }
    String base = alertmanagerUrl.endsWith("/") ? alertmanagerUrl.substring(0, alertmanagerUrl.length() - 1) : alertmanagerUrl;
    return URI.create(base + "/api/v2/alerts");
  }

  public String linkUrl() {
    return linkUrl;
  }

  public String imageUrl() {
    return imageUrl;
  }

  /** The secrets, for redaction of anything a receiver echoes back. */
  String[] secrets() {
    return new String[] {pagerDutyRoutingKey, slackWebhookUrl};
  }

  @Override
  public String toString() {
    return "DeliveryConfig{pagerDutyRoutingKey=" + (pagerDutyRoutingKey == null ? "unset" : MASK)
        + ", pagerDutyEventsUrl=" + pagerDutyEventsUrl
        + ", slackWebhookUrl=" + (slackWebhookUrl == null ? "unset" : MASK)
        + ", alertmanagerUrl=" + (alertmanagerUrl == null ? "unset" : withoutUserInfo(alertmanagerUrl))
        + ", linkUrl=" + linkUrl + ", imageUrl=" + imageUrl + "}";
  }

  private static String withoutUserInfo(String url) {
    try {
      URI u = URI.create(url);
      return u.getRawUserInfo() == null ? url : url.replace(u.getRawUserInfo() + "@", MASK + "@");
    } catch (IllegalArgumentException e) {
      return MASK;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
