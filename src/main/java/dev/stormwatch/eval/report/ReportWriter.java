package dev.stormwatch.eval.report;

import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.eval.compare.ComparisonRow;
import dev.stormwatch.eval.compare.ComparisonTable;
import dev.stormwatch.event.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code report.md} of a detector comparison with its PNG plots (JFreeChart, headless):
 * the comparison table, per-incident outcomes, a lead-time strip plot and, for a few incidents of
 * different kinds, the key's most relevant metric with incidents and every detector's alerts over
 * the live period and zoomed to two hours before until one hour after the incident.
 */
public final class ReportWriter {
  /** Most incidents plotted. */
  public static final int MAX_INCIDENT_PLOTS = 4;

  private static final Duration ZOOM_BEFORE = Duration.ofHours(2);
  private static final Duration ZOOM_AFTER = Duration.ofHours(1);

  private final Path out;

  /** A writer into directory {@code out}. */
  public ReportWriter(Path out) {
    this.out = out;
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * Writes the report and its plots; returns the path of {@code report.md}.
   *
   * @param series per key and metric, {@code {timeMillis, value}} points of the live period
   * @param setup lines describing how the detectors were run (listed under "Setup")
   */
  public Path write(List<ComparisonRow> rows, List<Label> incidents, List<Label> benign,
      Instant liveStart, Instant liveEnd, Map<String, Map<String, List<double[]>>> series,
      List<String> setup) throws IOException {
    Files.createDirectories(out);
    StringBuilder md = new StringBuilder();
    md.append("# Detector comparison\n\n");
    md.append(String.format(Locale.ROOT,
        "Live period %s .. %s, %d labelled incidents, %d benign look-alikes. Every detector saw the "
            + "same records through the same window assembly and alert hysteresis; scores follow "
            + "docs/evaluation.md (grace %d min after an incident's end).%n%n",
        liveStart, liveEnd, incidents.size(), benign.size(),
        rows.isEmpty() ? 0 : rows.get(0).report().graceS() / 60));
    md.append(ComparisonTable.markdown(rows)).append('\n');
    md.append("records/s: warm-up and input records replayed per second of wall time (window "
        + "assembly, detection and alerting on one thread; parsing excluded); records/CPU-s: the "
        + "same per second of that thread's CPU time, which is steadier on a shared machine; n/a for "
        + "alerts produced elsewhere.\n\n");
    if (!setup.isEmpty()) {
      md.append("## Setup\n\n");
      setup.forEach(line -> md.append("- ").append(line).append('\n'));
      md.append('\n');
    }
    outcomes(md, rows, incidents);
    LeadTimeChart.render(out.resolve("lead-times.png"), rows);
    md.append("## Lead time\n\n![lead times](lead-times.png)\n\n");
    md.append("## Incidents\n\n");
    for (Label incident : plotted(incidents, series)) {
      String key = Keys.of(incident.provider(), incident.service());
      Map<String, List<double[]>> metrics = series.get(key);
      String metric = MetricRelevance.mostRelevant(metrics, incident);
      List<Label> keyIncidents = sameKey(incidents, incident);
      List<Label> keyBenign = sameKey(benign, incident);
      String file = "incident-" + incident.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
      String title = String.format(Locale.ROOT, "%s: %s on %s/%s — %s", incident.id(),
          incident.kind(), incident.provider(), incident.service(), metric);
      IncidentChart.render(out.resolve(file), title, incident, metric, metrics.get(metric),
          keyIncidents, keyBenign, rows, liveStart, liveEnd);
      String zoom = file.replace(".png", "-zoom.png");
      Instant from = latest(liveStart, incident.start().minus(ZOOM_BEFORE));
      Instant to = earliest(liveEnd, incident.end().plus(ZOOM_AFTER));
      IncidentChart.render(out.resolve(zoom), title + " (zoom)", incident, metric,
          metrics.get(metric), keyIncidents, keyBenign, rows, from, to);
      md.append(String.format(Locale.ROOT, "### %s (%s, %s/%s)%n%n", incident.id(), incident.kind(),
          incident.provider(), incident.service()));
      md.append(String.format(Locale.ROOT, "Onset %s, impact %s, end %s. Plotted metric: `%s` "
              + "(largest shift during the incident against the hour before it).%n%n",
          incident.start(), incident.impact(), incident.end(), metric));
      md.append("![").append(incident.id()).append("](").append(file).append(")\n\n");
      md.append("![").append(incident.id()).append(" zoomed](").append(zoom).append(")\n\n");
    }
    Path report = out.resolve("report.md");
    Files.writeString(report, md.toString());
    return report;
  }

  private static void outcomes(StringBuilder md, List<ComparisonRow> rows, List<Label> incidents) {
    md.append("## Per incident\n\nLead time before impact in minutes (negative: alert after "
        + "impact), or missed.\n\n| incident | kind | provider/service |");
    rows.forEach(r -> md.append(' ').append(r.name()).append(" |"));
    md.append("\n| --- | --- | --- |");
    rows.forEach(r -> md.append(" ---: |"));
    md.append('\n');
    List<Label> ordered = new ArrayList<>(incidents);
    ordered.sort(Comparator.comparing(Label::start));
    for (Label l : ordered) {
      md.append("| ").append(l.id()).append(" | ").append(l.kind()).append(" | ")
          .append(l.provider()).append('/').append(l.service()).append(" |");
      for (ComparisonRow r : rows) {
        md.append(' ').append(lead(r.report(), l.id())).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private static String lead(ScenarioReport report, String id) {
    for (ScenarioReport.IncidentOutcome o : report.perIncident()) {
      if (o.id().equals(id)) {
        return o.leadS() == null ? "missed" : String.format(Locale.ROOT, "%.1f", o.leadS() / 60.0);
      }
    }
    return "n/a";
  }

  /** Up to {@link #MAX_INCIDENT_PLOTS} incidents with recorded series, distinct kinds first. */
  static List<Label> plotted(List<Label> incidents, Map<String, Map<String, List<double[]>>> series) {
    List<Label> ordered = new ArrayList<>();
    for (Label l : incidents) {
      Map<String, List<double[]>> m = series.get(Keys.of(l.provider(), l.service()));
      if (m != null && !m.isEmpty()) {
        ordered.add(l);
      }
    }
    ordered.sort(Comparator.comparing(Label::start));
    List<Label> chosen = new ArrayList<>();
    Set<String> kinds = new HashSet<>();
    for (Label l : ordered) {
      if (chosen.size() < MAX_INCIDENT_PLOTS && kinds.add(l.kind())) {
        chosen.add(l);
      }
    }
    for (Label l : ordered) {
      if (chosen.size() < MAX_INCIDENT_PLOTS && !chosen.contains(l)) {
        chosen.add(l);
      }
    }
    chosen.sort(Comparator.comparing(Label::start));
    return chosen;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static List<Label> sameKey(List<Label> labels, Label key) {
    return labels.stream().filter(l -> l.sameTarget(key.provider(), key.service())).toList();
  }
}
