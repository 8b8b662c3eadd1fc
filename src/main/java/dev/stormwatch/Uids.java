package dev.stormwatch;

/**
 * Stable operator uids, in one place: they map savepoint state to operators, so a uid must never
 * change once released (renaming one silently drops its state on upgrade).
 */
public final class Uids {
  public static final String FILE_SOURCE = "source-files";
  public static final String WARMUP_SOURCE = "source-warmup-files";
  public static final String KAFKA_SOURCE = "source-kafka";
  public static final String PARSE_FILES = "parse-files";
  public static final String PARSE_WARMUP = "parse-warmup";
  public static final String PARSE_KAFKA = "parse-kafka";
  public static final String WATERMARKS = "event-time-watermarks";
  public static final String WINDOWS = "assemble-windows";
  public static final String DETECT = "detect-async";
  public static final String KEEP_WINDOWS_ACTIVE = "keep-windows-active";
  public static final String ALERTS = "alert-lifecycle";
  public static final String ROUTING = "route-notifications";
  public static final String DELIVERY = "deliver-alerts";
  public static final String ALERTS_JSON = "alerts-to-json";
  public static final String DEAD_LETTERS_JSON = "dead-letters-to-json";
  public static final String ALERTS_FILE = "sink-alerts-file";
  public static final String ALERTS_KAFKA = "sink-alerts-kafka";
  public static final String DEAD_LETTERS_FILE = "sink-dead-letters-file";
  public static final String DEAD_LETTERS_KAFKA = "sink-dead-letters-kafka";
  public static final String NOTIFICATIONS_JSON = "notifications-to-json";
  public static final String NOTIFICATIONS_FILE = "sink-notifications-file";
  public static final String FEEDBACK_FILE_SOURCE = "source-feedback-files";
  public static final String FEEDBACK_KAFKA_SOURCE = "source-feedback-kafka";
  public static final String FEEDBACK_PARSE_FILES = "parse-feedback-files";
  public static final String FEEDBACK_PARSE_KAFKA = "parse-feedback-kafka";
  public static final String FEEDBACK_FILE_WATERMARKS = "feedback-files-watermarks";
  public static final String FEEDBACK_KEYS_SEEN = "feedback-dedup-keys-seen";
  public static final String FEEDBACK_DIRECTORY = "feedback-key-directory";
  public static final String FEEDBACK_NONE = "feedback-none";

  private Uids() {}
}
