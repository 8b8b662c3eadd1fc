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
 */
public record NezhaOptions(Path root, NezhaSystem system, String date, boolean withLogs,
    boolean withNodeMetrics, int faultMinutes, int tailMinutes) {

  /** Label length used by default: Nezha analyses the window up to injection minute + 2. */
  public static final int DEFAULT_FAULT_MINUTES = 3;
  /** Live data kept after the last injection by default. */
  public static final int DEFAULT_TAIL_MINUTES = 30;

  public NezhaOptions {
    if (!system.dates.contains(date)) {
      throw new IllegalArgumentException(
          "date " + date + " is not one of " + system.provider + "'s days " + system.dates);
    }
    if (faultMinutes < 1 || tailMinutes < 0) {
      throw new IllegalArgumentException("fault minutes must be >= 1 and tail minutes >= 0");
    }
  }

  /** Metrics only, default windows, the system's first day. */
  public static NezhaOptions defaults(Path root, NezhaSystem system) {
    return new NezhaOptions(root, system, system.dates.get(0), false, false,
        DEFAULT_FAULT_MINUTES, DEFAULT_TAIL_MINUTES);
  }

  /** The {@code rca_data/<date>} folder. */
  public Path dayDir() {
    return root.resolve("rca_data").resolve(date);
  }
}
