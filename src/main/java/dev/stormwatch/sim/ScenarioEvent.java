package dev.stormwatch.sim;

/**
 * One labelled event of a scenario, in minutes since the start of the generated data.
 *
 * @param id stable label id, e.g. {@code inc-03} or {@code benign-01}
 * @param service the affected service
 * @param kind what happens
 * @param startMinute onset (first minute with any effect)
 * @param impactMinute when users notice / the SLO breaks; equals start for benign events
 * @param endMinute first minute without effect (exclusive end)
 */
public record ScenarioEvent(
    String id, ServiceSpec service, EventKind kind, int startMinute, int impactMinute, int endMinute) {

  /** True while the event affects minute {@code m}. */
  public boolean activeAt(int m) {
    return m >= startMinute && m < endMinute;
  }

  /** Progress from onset to impact in [0, 1]; 1 from impact on. */
  public double buildUp(int m) {
    if (m >= impactMinute || impactMinute <= startMinute) {
      return 1.0;
    }
    return Math.max(0.0, (m - startMinute + 1) / (double) (impactMinute - startMinute + 1));
  }

  /** Progress over the whole event in [0, 1). */
  public double progress(int m) {
    return Math.max(0.0, (m - startMinute) / (double) (endMinute - startMinute));
  }

  /** True from the impact minute on. */
  public boolean impacting(int m) {
    return m >= impactMinute;
  }
}
