package dev.stormwatch.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The scores of one scenario evaluation; written as JSON with snake_case names. Ratios and
 * statistics are null when undefined (e.g. precision without any alert episode). Times in seconds.
 */
public record ScenarioReport(
    long toleranceBeforeS,
    long graceS,
    String liveStart,
    String liveEnd,
    double liveDays,
    int services,
    int incidents,
    int detected,
    Double recall,
    int episodes,
    int truePositiveEpisodes,
    int falseAlarms,
    int benignAlerts,
    int benignEvents,
    Double precision,
    Double f1,
    Double detectionDelayMedianS,
    Double detectionDelayP90S,
    Double leadTimeMedianS,
    Double warnedBeforeImpactShare,
    Double falseAlarmsPerDay,
    @JsonProperty("false_alarms_per_day_per_12_services") Double falseAlarmsPerDayPer12Services,
    Map<String, KindRecall> recallByKind,
    List<IncidentOutcome> perIncident,
    EarlyWarnings earlyWarnings) {

  /**
   * The early-warning tier (heads-ups that are not pages): how many were raised, how many matched
   * an incident, and when the on-call first heard of each incident from either a warning or a page.
   *
   * @param warnings early warnings raised
   * @param escalated of those, the ones a page on the same key followed
   * @param onIncidents warnings matching an incident (same matching window as episodes)
   * @param falseAlarms warnings matching no incident
   * @param noticed incidents with a matching warning or page
   * @param warnedFirst incidents whose first matching warning came before their first page (or
   *     that got a warning and no page)
   * @param noticeDelayMedianS median of first notice (warning or page) minus onset
   * @param noticeLeadMedianS median of impact minus first notice
   * @param noticedBeforeImpactShare share of all incidents noticed strictly before impact
   */
  public record EarlyWarnings(
      int warnings,
      int escalated,
      int onIncidents,
      int falseAlarms,
      Double falseAlarmsPerDay,
      @JsonProperty("false_alarms_per_day_per_12_services") Double falseAlarmsPerDayPer12Services,
      int noticed,
      int warnedFirst,
      Double noticeDelayMedianS,
      Double noticeLeadMedianS,
      Double noticedBeforeImpactShare) {}

  /** Recall of one incident kind. */
  public record KindRecall(int incidents, int detected, double recall) {}

  /**
   * How one incident fared.
   *
   * @param firstAlert start of the first matching episode, null when missed
   * @param delayS first alert minus onset, null when missed
   * @param leadS impact minus first alert (positive: warned before impact), null when missed
   */
  public record IncidentOutcome(
      String id, String kind, String provider, String service, boolean detected,
      String firstAlert, Long delayS, Long leadS, boolean warnedBeforeImpact) {}
}
