package dev.stormwatch.alert.routing;

import dev.stormwatch.event.AlertEvent;
import java.io.Serializable;
import java.util.List;

/** The configured silences and maintenance windows, asked whether an alert is silenced at a time. */
public final class SilenceRules implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Silence> silences;
  private final List<MaintenanceWindow> windows;

  public SilenceRules(List<Silence> silences, List<MaintenanceWindow> windows) {
    this.silences = List.copyOf(silences);
    this.windows = List.copyOf(windows);
  }

  /** True when a silence or maintenance window covers {@code alert} at {@code timeMillis}. */
  public boolean silenced(AlertEvent alert, long timeMillis) {
    for (Silence s : silences) {
      if (s.silences(alert, timeMillis)) {
        return true;
      }
    }
    for (MaintenanceWindow w : windows) {
      if (w.silences(alert, timeMillis)) {
        return true;
      }
    }
    return false;
  }

  public List<Silence> silences() {
    return silences;
  }

  public List<MaintenanceWindow> windows() {
    return windows;
  }
}
