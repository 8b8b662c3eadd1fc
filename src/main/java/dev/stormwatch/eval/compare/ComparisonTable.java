package dev.stormwatch.eval.compare;

import dev.stormwatch.eval.ScenarioReport;
import java.util.List;
import java.util.Locale;

/** Renders comparison rows as an aligned text table or a Markdown table. */
public final class ComparisonTable {
  /** Column headers, in order. */
  public static final List<String> HEADERS = List.of("detector", "recall", "precision", "F1",
      "false alarms/day/12 svc", "median delay (min)", "median lead (min)",
      "median first-notice lead (min)", "records/s", "records/CPU-s");

  private ComparisonTable() {}

  /** The cells of one row, formatted. */
  public static List<String> cells(ComparisonRow row) {
    ScenarioReport r = row.report();
    return List.of(
        row.name(),
        ratio(r.recall()) + " (" + r.detected() + "/" + r.incidents() + ")",
        ratio(r.precision()) + " (" + r.truePositiveEpisodes() + "/" + r.episodes() + ")",
        ratio(r.f1()),
        number(r.falseAlarmsPerDayPer12Services(), 1),
        minutes(r.detectionDelayMedianS()),
        minutes(r.leadTimeMedianS()),
        firstNotice(r),
        rate(row.recordsPerSecond()),
        rate(row.recordsPerCpuSecond()));
  }

  /** A plain-text table with padded columns. */
  public static String text(List<ComparisonRow> rows) {
    int[] width = new int[HEADERS.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = HEADERS.get(c).length();
      for (ComparisonRow row : rows) {
        width[c] = Math.max(width[c], cells(row).get(c).length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, HEADERS, width);
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append("-".repeat(w)).append("  ");
    }
    b.append(rule.toString().stripTrailing()).append('\n');
    for (ComparisonRow row : rows) {
      line(b, cells(row), width);
    }
    return b.toString();
  }

  /** A GitHub-flavoured Markdown table. */
  public static String markdown(List<ComparisonRow> rows) {
    StringBuilder b = new StringBuilder();
    b.append("| ").append(String.join(" | ", HEADERS)).append(" |\n|");
    for (int c = 0; c < HEADERS.size(); c++) {
      b.append(c == 0 ? " --- |" : " ---: |");
    }
    b.append('\n');
    for (ComparisonRow row : rows) {
      b.append("| ").append(String.join(" | ", cells(row))).append(" |\n");
    }
    return b.toString();
  }

  /**
   * Impact minus the first warning or page, with the number of early warnings when there were any
   * (the page lead otherwise, as a detector without warnings is first heard of by its page).
   */
  private static String firstNotice(ScenarioReport r) {
    ScenarioReport.EarlyWarnings w = r.earlyWarnings();
    if (w == null || w.warnings() == 0) {
      return minutes(r.leadTimeMedianS());
    }
    return minutes(w.noticeLeadMedianS()) + " (" + w.warnings() + " early warnings, "
        + w.falseAlarms() + " false)";
  }

  private static void line(StringBuilder b, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      l.append(c == 0 ? pad(cell, width[c], false) : pad(cell, width[c], true)).append("  ");
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  private static String rate(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String ratio(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String number(Double v, int decimals) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String minutes(Double seconds) {
    return seconds == null ? "n/a" : String.format(Locale.ROOT, "%.1f", seconds / 60.0);
  }
}
