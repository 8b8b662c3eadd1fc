package dev.stormwatch.window;

/**
 * Reduces a log message to a template key by masking its variable parts (numbers, hex ids, UUIDs,
 * IP addresses, paths, quoted strings), so that "timeout after 503 ms on 10.0.0.7" and "timeout
 * after 71 ms on 10.0.0.9" count as one template.
 */
public final class LogTemplates {
  /** Longest template key kept. */
  public static final int MAX_LENGTH = 200;

  private LogTemplates() {}

  /** The template key of a message. */
  public static String mask(String message) {
    StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_LENGTH));
    String[] tokens = message.trim().split("\\s+");
    for (String token : tokens) {
      if (out.length() >= MAX_LENGTH) {
        break;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(maskToken(token));
    }
    return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
  }

  private static String maskToken(String token) {
    if (token.isEmpty()) {
      return token;
    }
    if ((token.startsWith("\"") && token.endsWith("\"") && token.length() > 1)
        || (token.startsWith("'") && token.endsWith("'") && token.length() > 1)) {
      return "<*>";
    }
    if (token.indexOf('/') >= 0 && token.length() > 1 && !token.startsWith("http")) {
      return "<path>";
    }
    int digits = 0;
    int hex = 0;
    int letters = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        hex++;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    if (digits == 0) {
      return token;
    }
    if (token.chars().filter(ch -> ch == '.').count() == 3 && letters == 0 && hex == 0) {
      return "<ip>";
    }
    if (letters == 0) {
      return hex == 0 ? "<num>" : "<id>";
    }
    return digits * 3 >= token.length() || token.length() >= 12 ? "<id>" : token;
  }
}
