package dev.stormwatch.model.logs;

import java.util.List;

/**
 * One Drain log group: a stable id, the template tokens ({@code <*>} where lines differed), how
 * many lines joined it, and the parse-tree path it lives under (length key, then prefix keys).
 */
public final class LogCluster {
  /** Template token standing for a variable position. */
  public static final String WILDCARD = "<*>";

  private final long id;
  private final String[] tokens;
  private final String[] treePath;
  private long count;
  private String template;

  LogCluster(long id, String[] tokens, String[] treePath, long count) {
    this.id = id;
    this.tokens = tokens;
    this.treePath = treePath;
    this.count = count;
    this.template = String.join(" ", tokens);
  }

  /** The stable id: a 64-bit hash of the cluster's first template, unchanged as it generalises. */
  public long id() {
    return id;
  }

  /** The current template, tokens joined by single spaces. */
  public String template() {
    return template;
  }

  /** How many lines joined this cluster. */
  public long count() {
    return count;
  }

  /** Number of template tokens. */
  public int size() {
    return tokens.length;
  }

  String token(int i) {
    return tokens[i];
  }

  String[] treePath() {
    return treePath;
  }

  void increment() {
    count++;
  }

  /**
   * Drain's similarity: the fraction of positions where the template token equals the line's token.
   * Two masks of any kind count as equal, and a wildcard counts as equal to a line token that holds
   * a digit or a mask (a value); otherwise wildcards never match. The number of wildcards, Drain's
   * tie-breaker, is written to {@code paramsOut[0]}.
   */
  double similarity(List<String> line, int[] paramsOut) {
    int same = 0;
    int params = 0;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (WILDCARD.equals(t)) {
        params++;
        if (isVariable(line.get(i))) {
          same++;
        }
      } else if (equivalent(t, line.get(i))) {
        same++;
      }
    }
    paramsOut[0] = params;
    return tokens.length == 0 ? 1.0 : (double) same / tokens.length;
  }

  /** Equal tokens, or two whole-token masks of different kinds ({@code <hex>} vs {@code <num>}). */
  private static boolean equivalent(String a, String b) {
    return a.equals(b) || (isMask(a) && isMask(b));
  }

  /** A token with a digit or a mask in it: a value, never a constant word. */
  static boolean isVariable(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if ((c >= '0' && c <= '9') || (c == '<' && token.indexOf('>', i) > i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMask(String t) {
    int n = t.length();
    return n > 2 && t.charAt(0) == '<' && t.charAt(n - 1) == '>' && t.indexOf('<', 1) < 0;
  }

  /** True when every non-wildcard template token equals the line's token at that position. */
  boolean covers(List<String> line) {
    for (int i = 0; i < tokens.length; i++) {
      if (!WILDCARD.equals(tokens[i]) && !tokens[i].equals(line.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Number of wildcard positions in the template. */
  public int wildcards() {
    int n = 0;
    for (String t : tokens) {
      if (WILDCARD.equals(t)) {
        n++;
      }
    }
    return n;
  }

  /** Replaces the tokens that differ from the line by wildcards; true when the template changed. */
  boolean generalise(List<String> line) {
    boolean changed = false;
    for (int i = 0; i < tokens.length; i++) {
      if (!tokens[i].equals(line.get(i)) && !WILDCARD.equals(tokens[i])) {
        tokens[i] = WILDCARD;
        changed = true;
      }
    }
    if (changed) {
      template = String.join(" ", tokens);
    }
    return changed;
  }

  String[] tokensCopy() {
    return tokens.clone();
  }
}
