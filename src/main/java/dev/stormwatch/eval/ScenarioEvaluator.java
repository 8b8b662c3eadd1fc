package dev.stormwatch.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores alert episodes against labelled incidents and benign look-alikes.
 *
 * <p>Matching: an episode matches a label when it has the label's provider and service and its
 * start (the firing event's event time) lies in {@code [start - toleranceBefore, end + grace]},
 * both ends inclusive (defaults: tolerance 0, grace 15 min). An incident is detected when at least
 * one episode matches it; its detection delay is the first matching episode's start minus the
 * onset, its lead time the impact minus that start, and it counts as warned before impact when
 * that start is strictly before the impact. An episode is a true positive when it matches any
 * incident (several episodes on one incident are all true positives); every other episode is a
 * false alarm, and those of them that match a benign look-alike are also counted as {@code
 * benign_alerts}. Precision = true-positive episodes / episodes (null without episodes), recall =
 * detected / incidents (null without incidents), F1 = their harmonic mean (0 when recall is 0,
 * also when there are no episodes). False alarms per day divide by the live period in days; the
 * per-12-services figure scales that by 12 / services. Percentiles interpolate linearly between
 * closest ranks; the warned-before-impact share is over all incidents (a missed one is not
 * warned). Early warnings, when given, are scored apart ({@link ScenarioReport.EarlyWarnings}):
 * an incident's first notice is its earliest matching warning or page. See docs/evaluation.md.
 */
public final class ScenarioEvaluator {
  /** Default grace after an incident's end within which an alert still counts. */
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);

  private final Duration toleranceBefore;
  private final Duration grace;

  /** An evaluator with the given matching window around each label. */
  public ScenarioEvaluator(Duration toleranceBefore, Duration grace) {
    this.toleranceBefore = toleranceBefore;
    this.grace = grace;
  }

  /** The default evaluator: tolerance 0, grace 15 minutes. */
  public ScenarioEvaluator() {
    this(Duration.ZERO, DEFAULT_GRACE);
  }

  /** Scores {@code episodes} over the live period {@code [liveStart, liveEnd)} of services. */
  public ScenarioReport evaluate(List<Label> incidents, List<Label> benign,
      List<AlertEpisode> episodes, Instant liveStart, Instant liveEnd, int services) {
    return evaluate(incidents, benign, episodes, List.of(), liveStart, liveEnd, services);
  }

  /**
   * As above, with the early-warning spans ({@link AlertEpisodes#warnings}) scored as {@link
   * ScenarioReport.EarlyWarnings}; the page metrics do not depend on them.
   */
  public ScenarioReport evaluate(List<Label> incidents, List<Label> benign,
      List<AlertEpisode> episodes, List<AlertEpisode> warnings, Instant liveStart, Instant liveEnd,
      int services) {
    List<ScenarioReport.IncidentOutcome> outcomes = new ArrayList<>();
    List<Double> delays = new ArrayList<>();
    List<Double> leads = new ArrayList<>();
    Map<String, int[]> byKind = new TreeMap<>();
    int detected = 0;
    int warned = 0;
    for (Label incident : incidents) {
      Instant first = first(episodes, incident);
      int[] kind = byKind.computeIfAbsent(incident.kind(), k -> new int[2]);
      kind[0]++;
      if (first == null) {
        outcomes.add(new ScenarioReport.IncidentOutcome(incident.id(), incident.kind(),
            incident.provider(), incident.service(), false, null, null, null, false));
        continue;
      }
      kind[1]++;
      detected++;
      long delay = Duration.between(incident.start(), first).toSeconds();
      long lead = Duration.between(first, incident.impact()).toSeconds();
      boolean early = first.isBefore(incident.impact());
      warned += early ? 1 : 0;
      delays.add((double) delay);
      leads.add((double) lead);
      outcomes.add(new ScenarioReport.IncidentOutcome(incident.id(), incident.kind(),
          incident.provider(), incident.service(), true, first.toString(), delay, lead, early));
    }
    int truePositives = 0;
    int benignAlerts = 0;
    for (AlertEpisode e : episodes) {
      if (incidents.stream().anyMatch(l -> matches(e, l))) {
        truePositives++;
      } else if (benign.stream().anyMatch(l -> matches(e, l))) {
        benignAlerts++;
      }
    }
    int falseAlarms = episodes.size() - truePositives;
    Double recall = incidents.isEmpty() ? null : detected / (double) incidents.size();
    Double precision = episodes.isEmpty() ? null : truePositives / (double) episodes.size();
    double days = Duration.between(liveStart, liveEnd).toMillis() / 86_400_000.0;
    Double perDay = perDay(falseAlarms, days);
    Double perDay12 = per12Services(perDay, services);
    Map<String, ScenarioReport.KindRecall> kinds = new TreeMap<>();
    byKind.forEach((k, v) -> kinds.put(k, new ScenarioReport.KindRecall(v[0], v[1], v[1] / (double) v[0])));
    return new ScenarioReport(toleranceBefore.toSeconds(), grace.toSeconds(), liveStart.toString(),
        liveEnd.toString(), days, services, incidents.size(), detected, recall, episodes.size(),
        truePositives, falseAlarms, benignAlerts, benign.size(), precision, f1(precision, recall),
        percentile(delays, 0.5), percentile(delays, 0.9), percentile(leads, 0.5),
        incidents.isEmpty() ? null : warned / (double) incidents.size(), perDay, perDay12, kinds,
        outcomes, earlyWarnings(incidents, episodes, warnings, days, services));
  }

  private ScenarioReport.EarlyWarnings earlyWarnings(List<Label> incidents,
      List<AlertEpisode> episodes, List<AlertEpisode> warnings, double days, int services) {
    List<Double> delays = new ArrayList<>();
    List<Double> leads = new ArrayList<>();
    int noticed = 0;
    int warnedFirst = 0;
    int beforeImpact = 0;
    for (Label incident : incidents) {
      Instant page = first(episodes, incident);
      Instant warning = first(warnings, incident);
      if (page == null && warning == null) {
        continue;
      }
      noticed++;
      boolean warningFirst = warning != null && (page == null || warning.isBefore(page));
      warnedFirst += warningFirst ? 1 : 0;
      Instant notice = warningFirst ? warning : page;
      delays.add((double) Duration.between(incident.start(), notice).toSeconds());
      leads.add((double) Duration.between(notice, incident.impact()).toSeconds());
      beforeImpact += notice.isBefore(incident.impact()) ? 1 : 0;
    }
    int onIncidents = 0;
    int escalated = 0;
    for (AlertEpisode w : warnings) {
      onIncidents += incidents.stream().anyMatch(l -> matches(w, l)) ? 1 : 0;
      escalated += w.resolved() ? 1 : 0;
    }
    int falseAlarms = warnings.size() - onIncidents;
    Double perDay = perDay(falseAlarms, days);
    return new ScenarioReport.EarlyWarnings(warnings.size(), escalated, onIncidents, falseAlarms,
        perDay, per12Services(perDay, services), noticed, warnedFirst, percentile(delays, 0.5), percentile(leads, 0.5),
        incidents.isEmpty() ? null : beforeImpact / (double) incidents.size());
  }

  /** A count per day of the live period; null for an empty period. */
  private static Double perDay(int count, double days) {
    return days > 0 ? count / days : null;
  }

  /** A per-day rate scaled to 12 services; null when the rate or the service count is unknown. */
  private static Double per12Services(Double perDay, int services) {
    return perDay == null || services <= 0 ? null : perDay * 12.0 / services;
  }

  /** Start of the earliest span matching the incident, or null. */
  private Instant first(List<AlertEpisode> spans, Label incident) {
    Instant first = null;
    for (AlertEpisode e : spans) {
      if (matches(e, incident) && (first == null || e.start().isBefore(first))) {
        first = e.start();
      }
    }
    return first;
  }

  /** True when the episode is on the label's service and starts inside its matching window. */
  public boolean matches(AlertEpisode e, Label label) {
    if (!label.sameTarget(e.provider(), e.service())) {
      return false;
    }
    Instant from = label.start().minus(toleranceBefore);
    Instant to = label.end().plus(grace);
    return !e.start().isBefore(from) && !e.start().isAfter(to);
  }

  static Double f1(Double precision, Double recall) {
    if (recall == null) {
      return null;
    }
    if (precision == null || precision + recall == 0) {
      return 0.0;
    }
    return 2 * precision * recall / (precision + recall);
  }

  /** The p-quantile with linear interpolation between closest ranks; null for no values. */
  static Double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    double h = (sorted.size() - 1) * p;
    int low = (int) Math.floor(h);
    int high = Math.min(sorted.size() - 1, low + 1);
    return sorted.get(low) + (h - low) * (sorted.get(high) - sorted.get(low));
  }
}
