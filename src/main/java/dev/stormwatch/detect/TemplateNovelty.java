package dev.stormwatch.detect;

import dev.stormwatch.event.Severity;
import dev.stormwatch.window.WindowAssembly;

/**
 * How surprising a newly seen log template is, given how often the key keeps discovering templates
 * of that severity once its log baseline is mature (long-tail templates, ids the masking misses).
 *
 * <p>The model keeps, per severity bucket, decayed counts of mature log lines and of the templates
 * first seen among them; p = (discovered + prior) / (lines + priorLines) is the chance that one line
 * is a new template. In a window with n lines of that severity, a background discovery happens with
 * probability 1 - exp(-p n), and a background template that then repeats c - 1 more times is rarer
 * by p per repeat, so the template is novel evidence when (1 - exp(-p n)) p^(c-1) is below {@link
 * BaselineConfig#novelTemplateAlpha}. A key that never discovers templates keeps p near zero and
 * every new template stays novel, as before.
 */
final class TemplateNovelty {
  /** Prior discoveries (with PRIOR_LINES): p starts at 2e-4 per line. */
  private static final double PRIOR_DISCOVERIES = 0.01;
  private static final double PRIOR_LINES = 50.0;

  private TemplateNovelty() {}

  /** Forgets a little of the discovery counts (one step of the configured memory). */
  static void decay(BaselineModel m, BaselineConfig cfg) {
    double keep = 1.0 - 1.0 / cfg.noveltyMemorySteps;
    for (int b = 0; b < m.discoveryLines.length; b++) {
      m.discoveredTemplates[b] *= keep;
      m.discoveryLines[b] *= keep;
    }
  }

  /** Counts one pane template's lines and whether it was a discovery. */
  static void count(BaselineModel m, int severity, int lines, boolean discovered) {
    int b = Severity.bucket(severity);
    m.discoveryLines[b] += lines;
    if (discovered) {
      m.discoveredTemplates[b] += 1;
    }
  }

  /**
   * Marks the window's templates first seen inside it (after the log baseline matured) as novel
   * when they are too unlikely to be background discoveries; the window's own lines and
   * discoveries are left out of the rate they are judged against.
   */
  static void mark(BaselineModel m, WindowAssembly w, BaselineConfig cfg) {
    int[] lines = new int[3];
    int[] fresh = new int[3];
    boolean[] candidate = new boolean[w.templates.length];
    for (int i = 0; i < w.templates.length; i++) {
      int b = Severity.bucket(w.templateSeverity[i]);
      lines[b] += w.templateCounts[i];
      long firstSeen = m.templateFirstSeen(w.templates[i]);
      long seen = firstSeen < 0 ? w.end - w.stepMillis : firstSeen;
      candidate[i] = seen >= w.start && seen > m.logMatureSince;
      fresh[b] += candidate[i] ? 1 : 0;
    }
    for (int i = 0; i < w.templates.length; i++) {
      int b = Severity.bucket(w.templateSeverity[i]);
      double discovered = Math.max(0, m.discoveredTemplates[b] - fresh[b]);
      double seenLines = Math.max(0, m.discoveryLines[b] - lines[b]);
      double p = Math.min(1.0, (discovered + PRIOR_DISCOVERIES) / (seenLines + PRIOR_LINES));
      double chance = -Math.expm1(-p * lines[b]) * Math.pow(p, Math.max(0, w.templateCounts[i] - 1));
      w.templateNovel[i] = candidate[i] && chance < cfg.novelTemplateAlpha;
    }
  }
}
