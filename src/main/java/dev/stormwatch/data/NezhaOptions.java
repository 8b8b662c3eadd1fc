package dev.stormwatch.data;

import java.nio.file.Path;

/**
 * What {@link NezhaConverter} converts and how.
 *
 * @param root the Nezha dataset folder (holding {@code rca_data/})
 * @param system which system
 * @param date the {@code rca_data/<date>} folder
 * @param withLogs also convert the logs (they exist only around faults: not for detection scoring)
 * @param withNodeMetrics keep node-level columns ({@code Node*}) on each pod
 * @param faultMinutes label length: end = injection + this many minutes
 * @param tailMinutes live data kept after the last injection; the rest becomes history
 * @param quietMinutes fault-free stretches of the live period at least this long (after {@link
 *     #QUIET_MARGIN_MINUTES} of recovery after a fault and before the next) move to the history too;
 *     0 keeps the live period whole
 */
public record NezhaOptions(Path root, NezhaSystem system, String date, boolean withLogs,
    boolean withNodeMetrics, int faultMinutes, int tailMinutes, int quietMinutes) {

  /** Label length used by default: Nezha analyses the window up to injection minute + 2. */
  public static final int DEFAULT_FAULT_MINUTES = 3;
  /** Live data kept after the last injection by default. */
  public static final int DEFAULT_TAIL_MINUTES = 30;
  /** A quiet stretch starts this long after a fault's label ends and ends this long before the next injection. */
  public static final int QUIET_MARGIN_MINUTES = 10;

  public NezhaOptions {
    if (!system.dates.contains(date)) {
      throw new IllegalArgumentException(
          "date " + date + " is not one of " + system.provider + "'s days " + system.dates);
    }
    if (faultMinutes < 1 || tailMinutes < 0 || quietMinutes < 0) {
      throw new IllegalArgumentException(
          "fault minutes must be >= 1, tail minutes and quiet minutes >= 0");
    }
  }

  /** Metrics only, default windows, the system's first day. */
  public static NezhaOptions defaults(Path root, NezhaSystem system) {
    return new NezhaOptions(root, system, system.dates.get(0), false, false,
        DEFAULT_FAULT_MINUTES, DEFAULT_TAIL_MINUTES, 0);
  }

  /** A copy that moves the live period's fault-free stretches of at least {@code minutes} to the history. */
  public NezhaOptions withQuietMinutes(int minutes) {
    return new NezhaOptions(root, system, date, withLogs, withNodeMetrics, faultMinutes, tailMinutes, minutes);
  }

  /** The {@code rca_data/<date>} folder. */
  public Path dayDir() {
    return root.resolve("rca_data").resolve(date);
  }
}
