package dev.stormwatch.alert.routing;

import java.io.Serializable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matches one alert label (provider, service or severity): an exact value, or a regular expression
 * that must match the whole value when written with a leading {@code ~} (e.g. {@code ~pay.*}).
 */
public final class LabelMatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String text;
  private final Pattern pattern;

  private LabelMatcher(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /** Parses {@code value} or {@code ~regex}; throws IllegalArgumentException on a bad regex. */
  public static LabelMatcher parse(String spec) {
    if (spec.startsWith("~")) {
      try {
        return new LabelMatcher(spec, Pattern.compile(spec.substring(1)));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "bad regular expression '" + spec.substring(1) + "': " + e.getDescription(), e);
      }
    }
    return new LabelMatcher(spec, null);
  }

  public boolean matches(String value) {
    String v = value == null ? "" : value;
    return pattern == null ? text.equals(v) : pattern.matcher(v).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
