package dev.stormwatch.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Minimal {@code --name value} / {@code --flag} command-line parser for the small commands. */
public final class CliArgs {

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private CliArgs() {}

  /**
   * Parses {@code args}; names in {@code flagNames} take no value, {@code valueNames} take one.
   *
   * @throws IllegalArgumentException on an unknown option or a missing value
   */
  public static CliArgs parse(String[] args, Set<String> valueNames, Set<String> flagNames) {
    CliArgs parsed = new CliArgs();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (flagNames.contains(name)) {
        parsed.flags.add(name);
      } else if (valueNames.contains(name)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        parsed.values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option: " + name);
      }
    }
    return parsed;
  }

  public String required(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  public String optional(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** A numeric option, or {@code fallback} when absent; must be >= 0. */
  public double nonNegative(String name, double fallback) {
    String raw = values.get(name);
    if (raw == null) {
      return fallback;
    }
    double value;
    try {
      value = Double.parseDouble(raw.endsWith("/s") ? raw.substring(0, raw.length() - 2) : raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + raw + "'");
    }
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, not '" + raw + "'");
    }
    return value;
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  /** An integer option, or {@code fallback} when absent. */
  public int intValue(String name, int fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'");
    }
  }
}
