package dev.stormwatch.eval;

import java.util.Locale;
import java.util.Map;

/** Renders a {@link ScenarioReport} as a plain-text table for the terminal. */
public final class ScenarioReportText {
  private ScenarioReportText() {}

  /** The report as text. */
  public static String format(ScenarioReport r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Scenario evaluation  live %s .. %s (%.2f days, %d services)%n",
        r.liveStart(), r.liveEnd(), r.liveDays(), r.services()));
    b.append(String.format(Locale.ROOT, "matching window: [start - %ds, end + %ds]%n%n",
        r.toleranceBeforeS(), r.graceS()));
    row(b, "incidents detected", r.detected() + " / " + r.incidents());
    row(b, "recall", ratio(r.recall()));
    row(b, "alert episodes", Integer.toString(r.episodes()));
    row(b, "true-positive episodes", Integer.toString(r.truePositiveEpisodes()));
    row(b, "false alarms", Integer.toString(r.falseAlarms()));
    row(b, "  of which on benign look-alikes", r.benignAlerts() + " (benign events: "
        + r.benignEvents() + ")");
    row(b, "precision", ratio(r.precision()));
    row(b, "F1", ratio(r.f1()));
    row(b, "detection delay median / p90", minutes(r.detectionDelayMedianS()) + " / "
        + minutes(r.detectionDelayP90S()));
    row(b, "lead time before impact median", minutes(r.leadTimeMedianS()));
    row(b, "warned before impact", ratio(r.warnedBeforeImpactShare()));
    row(b, "false alarms per day", number(r.falseAlarmsPerDay()));
    row(b, "false alarms per day per 12 svc", number(r.falseAlarmsPerDayPer12Services()));
    ScenarioReport.EarlyWarnings w = r.earlyWarnings();
    if (w != null && w.warnings() > 0) {
      b.append(String.format("%nearly warnings (Slack heads-ups, not pages)%n"));
      row(b, "early warnings", w.warnings() + " (" + w.escalated() + " became pages)");
      row(b, "  on incidents / false", w.onIncidents() + " / " + w.falseAlarms());
      row(b, "  false per day per 12 svc", number(w.falseAlarmsPerDayPer12Services()));
      row(b, "incidents noticed (warning or page)", w.noticed() + " / " + r.incidents()
          + " (warning first: " + w.warnedFirst() + ")");
      row(b, "first notice delay median", minutes(w.noticeDelayMedianS()));
      row(b, "first notice lead before impact median", minutes(w.noticeLeadMedianS()));
      row(b, "noticed before impact", ratio(w.noticedBeforeImpactShare()));
    }
    b.append(String.format("%nrecall by kind%n"));
    for (Map.Entry<String, ScenarioReport.KindRecall> e : r.recallByKind().entrySet()) {
      ScenarioReport.KindRecall k = e.getValue();
      b.append(String.format(Locale.ROOT, "  %-22s %d / %d  %.2f%n", e.getKey(), k.detected(),
          k.incidents(), k.recall()));
    }
    b.append(String.format("%n%-10s %-22s %-26s %-9s %10s %10s%n", "incident", "kind",
        "provider/service", "detected", "delay", "lead"));
    for (ScenarioReport.IncidentOutcome o : r.perIncident()) {
      b.append(String.format(Locale.ROOT, "%-10s %-22s %-26s %-9s %10s %10s%n", o.id(), o.kind(),
          o.provider() + "/" + o.service(), o.detected() ? "yes" : "MISSED",
          minutes(o.delayS() == null ? null : o.delayS().doubleValue()),
          minutes(o.leadS() == null ? null : o.leadS().doubleValue())));
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String name, String value) {
    b.append(String.format("  %-34s %s%n", name, value));
  }

  private static String ratio(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String number(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String minutes(Double seconds) {
    return seconds == null ? "n/a" : String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
  }
}
