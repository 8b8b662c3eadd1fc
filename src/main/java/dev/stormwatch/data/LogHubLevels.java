package dev.stormwatch.data;

import java.util.Locale;

/** Maps LogHub Level cells (Android letters, syslog and Java level words) onto contract severities. */
public final class LogHubLevels {
  private LogHubLevels() {}

  /**
   * The contract severity (TRACE, DEBUG, INFO, WARN, ERROR, FATAL) of a level cell; empty and
   * unknown levels (e.g. Linux's {@code combo}, which names the log file, not a level) are INFO.
   */
  public static String toContract(String level) {
    return switch (level == null ? "" : level.trim().toUpperCase(Locale.ROOT)) {
      case "V", "VERBOSE", "TRACE", "FINEST", "FINER" -> "TRACE";
      case "D", "DEBUG", "FINE" -> "DEBUG";
      case "W", "WARN", "WARNING" -> "WARN";
      case "E", "ERR", "ERROR", "SEVERE" -> "ERROR";
      case "F", "A", "ASSERT", "FATAL", "FAILURE", "CRIT", "CRITICAL", "ALERT", "EMERG", "PANIC" -> "FATAL";
      default -> "INFO";
    };
  }
}
