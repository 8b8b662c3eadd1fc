package dev.stormwatch.event;

import java.util.Locale;

/** Log severities of the input contract, mapped onto OpenTelemetry severity numbers (1-24). */
public final class Severity {
  public static final int TRACE = 1;
  public static final int DEBUG = 5;
  public static final int INFO = 9;
  public static final int WARN = 13;
  public static final int ERROR = 17;
  public static final int FATAL = 21;

  private Severity() {}

  /** The severity number for a name (case-insensitive), or -1 when the name is unknown. */
  public static int fromName(String name) {
    switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "TRACE":
        return TRACE;
      case "DEBUG":
        return DEBUG;
      case "INFO":
      case "INFORMATION":
        return INFO;
      case "WARN":
      case "WARNING":
        return WARN;
      case "ERROR":
      case "ERR":
        return ERROR;
      case "FATAL":
      case "CRITICAL":
        return FATAL;
      default:
        return -1;
    }
  }

  /** True for a valid OpenTelemetry severity number. */
  public static boolean isValidNumber(int number) {
    return number >= 1 && number <= 24;
  }

  /** The coarse bucket a severity number counts in: 0 info and below, 1 warn, 2 error and fatal. */
  public static int bucket(int number) {
    if (number >= ERROR) {
      return 2;
    }
    return number >= WARN ? 1 : 0;
  }

  /** The short name of a severity number's range. */
  public static String name(int number) {
    if (number >= FATAL) {
      return "FATAL";
    }
    if (number >= ERROR) {
      return "ERROR";
    }
    if (number >= WARN) {
      return "WARN";
    }
    if (number >= INFO) {
      return "INFO";
    }
    return number >= DEBUG ? "DEBUG" : "TRACE";
  }
}
