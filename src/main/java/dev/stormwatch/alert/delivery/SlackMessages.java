package dev.stormwatch.alert.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stormwatch.event.AlertEvent;
import java.util.List;
import java.util.Locale;

/**
 * Block Kit messages for Slack incoming webhooks: one alert (header, summary, posterior/score
 * fields, contributors, log evidence as a code block) or a digest of several. Within Slack's
 * limits: header text 150 characters, section text 3000, at most 10 fields and 50 blocks.
 */
public final class SlackMessages {
  public static final int MAX_HEADER = 150;
  public static final int MAX_TEXT = 3000;
  public static final int MAX_BLOCKS = 50;
  /** Alerts listed one by one in a digest (two blocks each, plus header and footer). */
  public static final int MAX_DIGEST_ALERTS = 23;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SlackMessages() {}

  /** The message for one alert; resolved alerts get a different header. */
  public static ObjectNode single(AlertEvent a) {
    ObjectNode msg = JSON.objectNode();
    msg.put("text", PagerDutyEvents.truncate(headline(a) + ": " + a.summary(), MAX_TEXT));
    ArrayNode blocks = msg.putArray("blocks");
    header(blocks, headline(a));
    section(blocks, a.summary());
    ObjectNode fields = blocks.addObject().put("type", "section");
    ArrayNode f = fields.putArray("fields");
    field(f, "*Posterior*\n" + fmt(a.posterior()));
    field(f, "*Score*\n" + fmt(a.score()));
    field(f, "*Region*\n" + (a.region() == null || a.region().isEmpty() ? "-" : a.region()));
    field(f, "*Model*\n" + a.modelVersion());
    if (a.contributors() != null && !a.contributors().isEmpty()) {
      StringBuilder sb = new StringBuilder("*Top contributors*");
      for (AlertEvent.Contributor c : a.contributors()) {
        sb.append("\n• ").append(c.signal()).append(" (").append(fmt(c.weight())).append(')');
      }
      section(blocks, sb.toString());
    }
    List<String> logs = a.logEvidence();
    if (logs != null && !logs.isEmpty()) {
      String code = String.join("\n", logs).replace("```", "'''");
      section(blocks, "*Log evidence*\n```" + PagerDutyEvents.truncate(code, MAX_TEXT - 40) + "```");
    }
    context(blocks, a);
    return msg;
  }

  /** One message listing several alerts; beyond {@link #MAX_DIGEST_ALERTS} only a count. */
  public static ObjectNode digest(List<AlertEvent> alerts) {
    ObjectNode msg = JSON.objectNode();
    String title = "Stormwatch digest: " + alerts.size() + " alert updates";
    msg.put("text", title);
    ArrayNode blocks = msg.putArray("blocks");
    header(blocks, title);
    int shown = Math.min(alerts.size(), MAX_DIGEST_ALERTS);
    for (int i = 0; i < shown; i++) {
      AlertEvent a = alerts.get(i);
      blocks.addObject().put("type", "divider");
      section(blocks, "*" + headline(a) + "*  posterior " + fmt(a.posterior()) + ", score " + fmt(a.score())
          + "\n" + a.summary());
    }
    if (alerts.size() > shown) {
      section(blocks, "…and " + (alerts.size() - shown) + " more");
    }
    return msg;
  }

  /**
   * ":rotating_light: CRITICAL aws/payments", ":white_check_mark: RESOLVED aws/payments", ":eyes:
   * EARLY WARNING aws/payments" or ":ballot_box_with_check: EARLY WARNING CLEARED aws/payments".
   */
  static String headline(AlertEvent a) {
    if (AlertEvent.EARLY_WARNING.equals(a.status())) {
      return ":eyes: EARLY WARNING " + a.provider() + "/" + a.service();
    }
    if (AlertEvent.EARLY_WARNING_CLEARED.equals(a.status())) {
      return ":ballot_box_with_check: EARLY WARNING CLEARED " + a.provider() + "/" + a.service();
    }
    boolean resolved = AlertEvent.RESOLVED.equals(a.status());
    String icon = resolved ? ":white_check_mark:" : switch (a.severity()) {
      case "critical" -> ":rotating_light:";
      case "error" -> ":red_circle:";
      case "warning" -> ":warning:";
      default -> ":information_source:";
    };
    String label = resolved ? "RESOLVED" : a.severity().toUpperCase(Locale.ROOT);
    return icon + " " + label + " " + a.provider() + "/" + a.service();
  }

  private static void header(ArrayNode blocks, String text) {
    blocks.addObject().put("type", "header").putObject("text")
        .put("type", "plain_text").put("text", PagerDutyEvents.truncate(text, MAX_HEADER)).put("emoji", true);
  }

  private static void section(ArrayNode blocks, String mrkdwn) {
    blocks.addObject().put("type", "section").putObject("text")
        .put("type", "mrkdwn").put("text", PagerDutyEvents.truncate(mrkdwn, MAX_TEXT));
  }

  private static void field(ArrayNode fields, String mrkdwn) {
    fields.addObject().put("type", "mrkdwn").put("text", PagerDutyEvents.truncate(mrkdwn, 2000));
  }

  private static void context(ArrayNode blocks, AlertEvent a) {
    blocks.addObject().put("type", "context").putArray("elements").addObject()
        .put("type", "mrkdwn").put("text", "window end " + a.eventTime() + " · dedup " + a.dedupKey());
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
