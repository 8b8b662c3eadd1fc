package dev.stormwatch.event;

/**
 * The (provider, service) key used for keyBy and state. The separator is the ASCII unit separator,
 * which cannot appear in the trimmed names of the input contract's examples and keeps any other
 * character (including '/') usable in provider and service names.
 */
public final class Keys {
  public static final char SEPARATOR = '\u001f';

  private Keys() {}

  public static String of(String provider, String service) {
    return provider + SEPARATOR + service;
  }

  public static String provider(String key) {
    return key.substring(0, key.indexOf(SEPARATOR));
  }

  public static String service(String key) {
    return key.substring(key.indexOf(SEPARATOR) + 1);
  }

  /** Human-readable form, {@code provider/service}. */
  public static String display(String key) {
    return key.replace(SEPARATOR, '/');
  }
}
