package dev.stormwatch.model.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Drain's preprocessing step: splits a log line on whitespace and replaces its variable parts with
 * typed masks — {@code <url>}, {@code <uuid>}, {@code <ip>} (v4 with optional port, v6), {@code
 * <path>}, {@code <str>} (one-word quoted strings), {@code <dur>} (durations such as 250ms, 1.5s, 2h30m),
 * {@code <hex>} (0x.. or 8+ hex digits), {@code <num>} (numbers, with sign, decimals, exponent or a
 * short unit such as 512MB or 99%) and {@code <id>} (letter/digit runs with 4+ digits). Numbers
 * glued to words keep the word: {@code blk_-6952} becomes {@code blk_<num>}, {@code rhost=10.0.0.7}
 * becomes {@code rhost=<ip>}. Hand-written scanners, no regular expressions, so it stays cheap per
 * line.
 */
public final class LogMasker {
  /** Longest line (characters) that is looked at; the rest is cut off. */
  public static final int MAX_LINE_CHARS = 4096;

  private LogMasker() {}

  /** The masked tokens of a line, at most {@code maxTokens} of them. */
  public static List<String> tokens(String line, int maxTokens) {
    String text = line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) : line;
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n && out.size() < maxTokens) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int quotedEnd = quotedStringEnd(text, i);
      if (quotedEnd > 0) {
        String rest = text.substring(quotedEnd, skipToken(text, quotedEnd));
        out.add(rest.isEmpty() ? "<str>" : "<str>" + maskToken(rest));
        i = skipToken(text, quotedEnd);
        continue;
      }
      int end = skipToken(text, i);
      out.add(maskToken(text.substring(i, end)));
      i = end;
    }
    return out;
  }

  /** The masked line: its masked tokens joined by single spaces. */
  public static String mask(String line) {
    return String.join(" ", tokens(line, Integer.MAX_VALUE));
  }

  /** Masks one whitespace-free token. */
  static String maskToken(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && "([{\"'".indexOf(token.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && ")]}\"',;.:!?".indexOf(token.charAt(end - 1)) >= 0) {
      end--;
    }
    if (start >= end) {
      return token;
    }
    return token.substring(0, start) + maskCore(token.substring(start, end)) + token.substring(end);
  }

  /** Masks a token without its wrapping punctuation; in key=value only the value is looked at. */
  private static String maskCore(String core) {
    String whole = TokenShapes.wholeTokenMask(core);
    if (whole != null) {
      return whole;
    }
    int eq = core.indexOf('=');
    if (eq > 0 && eq + 1 < core.length()) {
      String value = core.substring(eq + 1);
      String valueMask = TokenShapes.wholeTokenMask(value);
      return maskSegments(core.substring(0, eq + 1)) + (valueMask != null ? valueMask : maskSegments(value));
    }
    return maskSegments(core);
  }

  /** Masks the letter/digit runs of a token that is not one variable as a whole. */
  private static String maskSegments(String core) {
    StringBuilder out = new StringBuilder(core.length());
    int n = core.length();
    int i = 0;
    while (i < n) {
      char c = core.charAt(i);
      if (!isAlnum(c)) {
        out.append(c);
        i++;
        continue;
      }
      int runEnd = i;
      while (runEnd < n && isAlnum(core.charAt(runEnd))) {
        runEnd++;
      }
      runEnd = extendDecimal(core, i, runEnd);
      String mask = TokenShapes.runMask(core, i, runEnd);
      if (mask == null) {
        out.append(core, i, runEnd);
      } else {
        absorbSign(out, core, i);
        out.append(mask);
      }
      i = runEnd;
    }
    return out.toString();
  }

  /** Joins "12.5" or "1,024" into one run when both sides are digits. */
  private static int extendDecimal(String s, int start, int end) {
    int e = end;
    while (e + 1 < s.length()
        && (s.charAt(e) == '.' || s.charAt(e) == ',')
        && Character.isDigit(s.charAt(e - 1))
        && Character.isDigit(s.charAt(e + 1))
        && allDigits(s, start, e)) {
      int next = e + 1;
      while (next < s.length() && isAlnum(s.charAt(next))) {
        next++;
      }
      e = next;
    }
    return e;
  }

  /** Drops a '-' or '+' just written when it stands after a non-word character (a sign). */
  private static void absorbSign(StringBuilder out, String core, int runStart) {
    if (runStart == 0) {
      return;
    }
    char sign = core.charAt(runStart - 1);
    if ((sign == '-' || sign == '+') && (runStart == 1 || !isAlnum(core.charAt(runStart - 2)))) {
      out.setLength(out.length() - 1);
    }
  }

  private static boolean allDigits(String s, int start, int end) {
    for (int k = start; k < end; k++) {
      char c = s.charAt(k);
      if (!(Character.isDigit(c) || c == '.' || c == ',')) {
        return false;
      }
    }
    return true;
  }

  static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * End (exclusive) of a one-word quoted string that opens at {@code i} and closes before
   * whitespace or punctuation, or -1. Apostrophes inside words ("don't") never open one; quoted
   * phrases ("GET /v2/servers HTTP/1.1") keep their words, each masked by its own shape.
   */
  private static int quotedStringEnd(String text, int i) {
    char quote = text.charAt(i);
    if (quote != '"' && quote != '\'') {
      return -1;
    }
    int close = text.indexOf(quote, i + 1);
    while (close > 0 && !containsWhitespace(text, i + 1, close)) {
      boolean endsToken =
          close + 1 >= text.length()
              || Character.isWhitespace(text.charAt(close + 1))
              || ",;:.)]}".indexOf(text.charAt(close + 1)) >= 0;
      if (endsToken) {
        return close + 1;
      }
      close = text.indexOf(quote, close + 1);
    }
    return -1;
  }

  private static boolean containsWhitespace(String text, int start, int end) {
    for (int k = start; k < end; k++) {
      if (Character.isWhitespace(text.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static int skipToken(String text, int i) {
    int k = i;
    while (k < text.length() && !Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    return k;
  }
}
