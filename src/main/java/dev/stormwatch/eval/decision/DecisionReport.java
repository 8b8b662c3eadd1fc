package dev.stormwatch.eval.decision;

import dev.stormwatch.config.JobConfig;
import java.util.List;
import java.util.Locale;

/** The plain-text tables of a {@link DecisionCommand} run. */
final class DecisionReport {
  private DecisionReport() {}

  static String text(DecisionCommand.Result result, JobConfig job) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "%nAt the job's thresholds (raise >= %.2f for %d windows, resolve < %.2f for %d):%n",
        job.alertThreshold, job.raiseAfter, job.resolveThreshold, job.resolveAfter));
    sb.append(String.format(Locale.ROOT, "%-9s %-9s %9s %7s %7s %10s %6s %12s%n",
        "detector", "rule", "detected", "false", "benign", "FA/day/12", "F1", "delay (min)"));
    for (OperatingPoint p : result.defaults()) {
      sb.append(String.format(Locale.ROOT, "%-9s %-9s %9s %7d %7d %10.1f %6s %12s%n",
          p.detector(), p.mode(), p.detected() + "/" + p.incidents(), p.falseAlarms(),
          p.benignAlerts(), p.falseAlarmsPerDayPer12(), f(p.f1(), 1, "%.2f"),
          f(p.delayMedianS(), 60, "%.1f")));
    }
    sb.append(String.format(Locale.ROOT,
        "%nAt equal recall (fewest false alarms each rule needs, over the threshold sweep):%n"));
    sb.append(String.format(Locale.ROOT, "%-9s %9s %22s %22s %6s%n",
        "detector", "detected", "score: FA (threshold)", "posterior: FA (thr.)", "saved"));
    for (EqualRecall.Row r : result.equalRecall()) {
      sb.append(String.format(Locale.ROOT, "%-9s %9s %22s %22s %6d%n", r.detector(),
          r.detected() + "/" + r.incidents(),
          r.score().falseAlarms() + String.format(Locale.ROOT, " (%.2f)", r.score().threshold()),
          r.posterior().falseAlarms() + String.format(Locale.ROOT, " (%.2f)", r.posterior().threshold()),
          r.falseAlarmsSaved()));
    }
    budgets(sb, "Within false-alarm budgets (most incidents found with at most N false alarms,"
        + " either rule):", FalseAlarmBudgets.BUDGETS, "most (FA)", result.budgets());
    budgets(sb, "Within false-page budgets (alerts routed as the job routes them: grouped, three or"
        + " more services at once as one provider-wide page; most incidents paged for with at most N"
        + " false pages, either rule):", FalseAlarmBudgets.PAGE_BUDGETS, "most (false pages)",
        result.pageBudgets());
    return sb.toString();
  }

  private static void budgets(StringBuilder sb, String title, List<Integer> budgets, String most,
      List<FalseAlarmBudgets.Row> rows) {
    sb.append(String.format(Locale.ROOT, "%n%s%n", title));
    sb.append(String.format(Locale.ROOT, "%-9s", "detector"));
    for (int budget : budgets) {
      sb.append(String.format(Locale.ROOT, " %6s", "<=" + budget));
    }
    sb.append(String.format(Locale.ROOT, "  %s%n", most));
    for (FalseAlarmBudgets.Row r : rows) {
      sb.append(String.format(Locale.ROOT, "%-9s", r.detector()));
      for (int found : r.found()) {
        sb.append(String.format(Locale.ROOT, " %6d", found));
      }
      sb.append(String.format(Locale.ROOT, "  %d/%d (%d)%n", r.most(), r.incidents(),
          r.falseAlarmsAtMost()));
    }
  }

  private static String f(Double v, double divisor, String format) {
    return v == null ? "-" : String.format(Locale.ROOT, format, v / divisor);
  }
}
