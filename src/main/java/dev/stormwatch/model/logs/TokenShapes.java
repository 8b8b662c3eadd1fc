package dev.stormwatch.model.logs;

/** Recognises the shapes of variable log tokens (URL, UUID, IP, path, duration, hex, number, id). */
final class TokenShapes {
  private static final String[] TIME_UNITS = {
    "ns", "us", "ms", "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute",
    "minutes", "h", "hr", "hrs", "hour", "hours", "d", "day", "days"
  };

  private TokenShapes() {}

  /** The mask for a token that is one variable as a whole, or null. */
  static String wholeTokenMask(String t) {
    if (isUrl(t)) {
      return "<url>";
    }
    if (isUuid(t)) {
      return "<uuid>";
    }
    if (isIpv4(t) || isIpv6(t)) {
      return "<ip>";
    }
    if (isPath(t)) {
      return "<path>";
    }
    return null;
  }

  /** The mask for the letter/digit run {@code s[start, end)}, or null to keep it. */
  static String runMask(String s, int start, int end) {
    int digits = 0;
    int letters = 0;
    boolean allHex = true;
    for (int k = start; k < end; k++) {
      char c = s.charAt(k);
      if (Character.isDigit(c)) {
        digits++;
      } else if (Character.isLetter(c)) {
        letters++;
        allHex &= (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      }
    }
    if (digits == 0) {
      return null;
    }
    if (letters == 0) {
      return "<num>";
    }
    if (end - start > 2 && s.charAt(start) == '0' && (s.charAt(start + 1) == 'x' || s.charAt(start + 1) == 'X')
        && isHex(s, start + 2, end)) {
      return "<hex>";
    }
    if (isDuration(s, start, end)) {
      return "<dur>";
    }
    if (isNumberWithUnit(s, start, end)) {
      return "<num>";
    }
    if (allHex && end - start >= 8) {
      return "<hex>";
    }
    return digits >= 4 ? "<id>" : null;
  }

  /** Number-unit pairs that are all time units: 250ms, 1.5s, 2h30m. */
  static boolean isDuration(String s, int start, int end) {
    int p = start;
    int pairs = 0;
    while (p < end) {
      int digitsEnd = skipNumber(s, p, end);
      if (digitsEnd == p) {
        return false;
      }
      int unitEnd = digitsEnd;
      while (unitEnd < end && Character.isLetter(s.charAt(unitEnd))) {
        unitEnd++;
      }
      if (!isTimeUnit(s.substring(digitsEnd, unitEnd))) {
        return false;
      }
      pairs++;
      p = unitEnd;
    }
    return pairs > 0;
  }

  private static boolean isNumberWithUnit(String s, int start, int end) {
    int digitsEnd = skipNumber(s, start, end);
    if (digitsEnd == start) {
      return false;
    }
    int unitLength = end - digitsEnd;
    for (int k = digitsEnd; k < end; k++) {
      if (!Character.isLetter(s.charAt(k))) {
        return false;
      }
    }
    return unitLength >= 1 && unitLength <= 3;
  }

  private static int skipNumber(String s, int p, int end) {
    int k = p;
    while (k < end && (Character.isDigit(s.charAt(k))
        || (s.charAt(k) == '.' && k > p && k + 1 < end && Character.isDigit(s.charAt(k + 1))))) {
      k++;
    }
    return k;
  }

  private static boolean isTimeUnit(String unit) {
    for (String u : TIME_UNITS) {
      if (u.equals(unit)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHex(String s, int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int k = start; k < end; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isUrl(String t) {
    int sep = t.indexOf("://");
    if (sep <= 0) {
      return false;
    }
    for (int k = 0; k < sep; k++) {
      char c = t.charAt(k);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
        return false;
      }
    }
    return Character.isLetter(t.charAt(0));
  }

  static boolean isUuid(String t) {
    if (t.length() != 36) {
      return false;
    }
    for (int k = 0; k < 36; k++) {
      char c = t.charAt(k);
      boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Dotted quad, optionally followed by :port or /prefix. */
  static boolean isIpv4(String t) {
    int end = t.length();
    int colon = t.indexOf(':');
    int slash = t.indexOf('/');
    int cut = colon >= 0 ? colon : slash;
    if (cut >= 0) {
      if (cut + 1 >= end || !isDigits(t, cut + 1, end)) {
        return false;
      }
      end = cut;
    }
    int octets = 0;
    int p = 0;
    while (p <= end) {
      int dot = t.indexOf('.', p);
      int octetEnd = dot < 0 || dot > end ? end : dot;
      int len = octetEnd - p;
      if (len < 1 || len > 3 || !isDigits(t, p, octetEnd) || Integer.parseInt(t, p, octetEnd, 10) > 255) {
        return false;
      }
      octets++;
      p = octetEnd + 1;
    }
    return octets == 4;
  }

  /** Hex groups separated by colons, with "::" or seven colons (times like 15:16:01 never match). */
  static boolean isIpv6(String t) {
    int colons = 0;
    int hexDigits = 0;
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      if (c == ':') {
        colons++;
      } else if (Character.digit(c, 16) >= 0) {
        hexDigits++;
      } else if (Character.digit(c, 16) < 0 && c != '.' && c != '%') {
        return false;
      }
    }
    return colons >= 2 && hexDigits > 0 && (t.contains("::") || colons == 7);
  }

  /** Absolute, relative (./, ../, ~/), Windows drive paths, or anything with two or more slashes. */
  static boolean isPath(String t) {
    if (t.length() < 2) {
      return false;
    }
    if (t.charAt(0) == '/' && t.charAt(1) != '/') {
      return true;
    }
    if (t.startsWith("./") || t.startsWith("../") || t.startsWith("~/")) {
      return true;
    }
    if (t.length() > 2 && Character.isLetter(t.charAt(0)) && t.charAt(1) == ':' && t.charAt(2) == '\\') {
      return true;
    }
    return t.indexOf('/') >= 0 && t.indexOf('/') != t.lastIndexOf('/') && t.indexOf(' ') < 0;
  }

  private static boolean isDigits(String t, int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int k = start; k < end; k++) {
      if (!Character.isDigit(t.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}
