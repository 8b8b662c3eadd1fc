package dev.stormwatch.alert.bayes;

/**
 * The decision layer's verdict on one window: P(incident | score, prior), its uncertainty (width
 * of a ~90% band), the warning level ({@link #NONE} when nothing should be raised) and why.
 */
public record PosteriorResult(double posterior, double uncertainty, String level, String why) {
  public static final String NONE = "none";
  public static final String INFO = "info";
  public static final String WARNING = "warning";
  public static final String ERROR = "error";
  public static final String CRITICAL = "critical";

  /** True for warning, error and critical: levels that should raise or keep an alert. */
  public boolean alerting() {
    return level.equals(WARNING) || level.equals(ERROR) || level.equals(CRITICAL);
  }
}
