package dev.stormwatch.alert;

/** A key's alert lifecycle state (a Flink POJO kept in keyed state). */
public class AlertState {
  public boolean firing;
  /** Consecutive windows at or above the alert threshold. */
  public int above;
  /** Consecutive windows below the resolve threshold while firing. */
  public int below;
  public String alertId = "";
  /** End of the window that raised the alert. */
  public long firedAt;
  public double peakScore;
  public String severity = "";
  /** End of the last window processed; older windows (replays) are ignored. */
  public long lastWindowEnd = Long.MIN_VALUE;

  public AlertState() {}

  /** True when the state carries nothing worth keeping. */
  public boolean isIdle() {
    return !firing && above == 0;
  }
}
