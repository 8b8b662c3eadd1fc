package dev.stormwatch.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options of the converter commands. */
final class Args {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  /**
   * @throws IllegalArgumentException on an unknown option or a missing value
   */
  Args(String[] args, List<String> valueNames, List<String> flagNames) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (flagNames.contains(a)) {
        flags.add(a);
      } else if (valueNames.contains(a)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        values.put(a, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option: " + a);
      }
    }
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  String optional(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int intValue(String name, int fallback) {
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

  /** The shared dataset folder {@code name}: {@code --root}, else {@code <home>/../shared/datasets/<name>}. */
  Path datasetRoot(String name) {
    String root = values.get("--root");
    if (root != null) {
      return Path.of(root);
    }
    String home = System.getProperty("stormwatch.home", ".");
    return Path.of(home).toAbsolutePath().normalize().resolve("../shared/datasets").resolve(name).normalize();
  }
}
