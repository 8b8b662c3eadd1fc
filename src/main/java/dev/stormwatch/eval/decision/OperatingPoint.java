package dev.stormwatch.eval.decision;

import java.util.List;

/**
 * One alerting threshold of one detector under one decision rule, scored on a scenario.
 *
 * @param detector the detector's name
 * @param mode what the thresholds applied to: {@code score} (the raw detector score) or {@code
 *     posterior} (the Bayesian layer's posterior)
 * @param threshold the raise threshold (the resolve threshold is {@code min(job's, threshold)})
 * @param detected incidents detected
 * @param incidents incidents in the scenario
 * @param falseAlarms alert episodes that matched no incident
 * @param benignAlerts false alarms on benign look-alike events
 * @param falseAlarmsPerDayPer12 false alarms per day, normalised to 12 services
 * @param f1 episode F1 (null when undefined)
 * @param delayMedianS median detection delay in seconds (null when nothing was detected)
 * @param paged incidents paged for once the alerts went through the job's routing ({@link
 *     PageReplay})
 * @param falsePages trigger pages, after routing, that matched no incident
 */
public record OperatingPoint(String detector, String mode, double threshold, int detected,
    int incidents, int falseAlarms, int benignAlerts, double falseAlarmsPerDayPer12, Double f1,
    Double delayMedianS, int paged, int falsePages) {
  /** The detectors of {@code points}, each once, in first-seen order. */
  static List<String> detectors(List<OperatingPoint> points) {
    return points.stream().map(OperatingPoint::detector).distinct().toList();
  }
}
