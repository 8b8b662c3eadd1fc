package dev.stormwatch.alert.delivery;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private final String pagerDutyChangeUrl;
  private final String linkUrl;
  private final String imageUrl;

  public DeliveryConfig(String pagerDutyRoutingKey, String pagerDutyEventsUrl, String slackWebhookUrl,
      String alertmanagerUrl, String linkUrl, String imageUrl) {
    this(pagerDutyRoutingKey, pagerDutyEventsUrl, null, slackWebhookUrl, alertmanagerUrl, linkUrl, imageUrl);
  }

  /** As above, with an explicit Change Events URL (null: /v2/change/enqueue on the events host). */
  public DeliveryConfig(String pagerDutyRoutingKey, String pagerDutyEventsUrl, String pagerDutyChangeUrl,
      String slackWebhookUrl, String alertmanagerUrl, String linkUrl, String imageUrl) {
    this.pagerDutyChangeUrl = blankToNull(pagerDutyChangeUrl);
    this.pagerDutyRoutingKey = blankToNull(pagerDutyRoutingKey);
    this.pagerDutyEventsUrl = blankToNull(pagerDutyEventsUrl) == null
        ? DEFAULT_PAGERDUTY_EVENTS_URL : pagerDutyEventsUrl.trim();
    this.slackWebhookUrl = blankToNull(slackWebhookUrl);
    this.alertmanagerUrl = blankToNull(alertmanagerUrl);
    this.linkUrl = blankToNull(linkUrl);
    this.imageUrl = blankToNull(imageUrl);
  }

  /**
   * Reads the variables from a map (pass {@code System.getenv()}). Each secret ({@code
   * PAGERDUTY_ROUTING_KEY}, {@code SLACK_WEBHOOK_URL}, {@code ALERTMANAGER_URL}) may instead come
   * from a file named by the same variable with {@code _FILE} appended (e.g. a mounted Kubernetes
   * secret); the variable itself wins when both are set.
   */
  public static DeliveryConfig fromEnv(Map<String, String> env) {
    return new DeliveryConfig(secret(env, "PAGERDUTY_ROUTING_KEY"), env.get("PAGERDUTY_EVENTS_URL"),
        env.get("PAGERDUTY_CHANGE_URL"), secret(env, "SLACK_WEBHOOK_URL"), secret(env, "ALERTMANAGER_URL"),
        env.get("ALERT_LINK_URL"), env.get("ALERT_IMAGE_URL"));
  }

  private static String secret(Map<String, String> env, String name) {
    String direct = blankToNull(env.get(name));
    String file = blankToNull(env.get(name + "_FILE"));
    if (direct != null || file == null) {
      return direct;
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      // the message names the file, never its content
      throw new IllegalArgumentException("cannot read " + name + "_FILE " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
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

  /** {@code PAGERDUTY_CHANGE_URL}, else /v2/change/enqueue on the events URL's host. */
  public URI pagerDutyChangeUri() {
    return pagerDutyChangeUrl != null ? URI.create(pagerDutyChangeUrl)
        : pagerDutyEventsUri().resolve("/v2/change/enqueue");
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
    return new String[] {pagerDutyRoutingKey, slackWebhookUrl, alertmanagerUrl};
  }

  @Override
  public String toString() {
    return "DeliveryConfig{pagerDutyRoutingKey=" + (pagerDutyRoutingKey == null ? "unset" : MASK)
        + ", pagerDutyEventsUrl=" + pagerDutyEventsUrl
        + ", pagerDutyChangeUrl=" + pagerDutyChangeUri()
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
