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
  /** An early warning is out (raised, neither cleared nor superseded by a page). */
  public boolean warning;
  /** Consecutive windows at or above the early-warning threshold. */
  public int warnAbove;
  /** Consecutive windows below the clear threshold while warning. */
  public int warnBelow;
  public String warningId = "";
  /** End of the window that raised the early warning. */
  public long warnedAt;
  /**
   * After a page or a warning the early score must first fall below the clear threshold before a
   * new warning can be raised (so a model still high after a resolve does not warn again at once).
   */
  public boolean warnDisarmed;
  /** Region of the key's latest live window, for events raised without a window. */
  public String region = "";
  /** Model version of the key's latest live window, for events raised without a window. */
  public String modelVersion = "";

  public AlertState() {}

  /** True when the state carries nothing worth keeping. */
  public boolean isIdle() {
    return !firing && above == 0 && !warning && warnAbove == 0 && !warnDisarmed;
  }
}
