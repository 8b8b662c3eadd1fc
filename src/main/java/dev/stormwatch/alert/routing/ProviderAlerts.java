package dev.stormwatch.alert.routing;

import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.event.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Builds the provider-wide alert (service {@code *}) that stands for several firing services of one
 * provider: the worst severity and scores of its members, their merged contributors and evidence.
 */
public final class ProviderAlerts {
  /** The service name of a provider-wide alert. */
  public static final String ALL_SERVICES = "*";
  private static final List<String> SEVERITY_ORDER = List.of("info", "warning", "error", "critical");
  private static final int MAX_CONTRIBUTORS = 5;
  private static final int MAX_EVIDENCE = 5;

  private ProviderAlerts() {}

  /** True for a provider-wide alert. */
  public static boolean isProviderWide(AlertEvent a) {
    return ALL_SERVICES.equals(a.service());
  }

  /**
   * The firing provider-wide alert over {@code members} (the provider's firing service alerts),
   * raised at {@code raisedAt} and covering {@code services} so far.
   */
  public static AlertEvent firing(Collection<AlertEvent> members, List<String> services, long raisedAt) {
    AlertEvent first = members.iterator().next();
    String dedupKey = AlertPolicy.dedupKey(first.provider(), ALL_SERVICES, first.modelVersion());
    String alertId = UUID.nameUUIDFromBytes((dedupKey + "@" + raisedAt).getBytes(StandardCharsets.UTF_8)).toString();
    AlertEvent worst = members.stream().max(Comparator.comparingDouble(AlertEvent::posterior)).orElseThrow();
    Set<String> regions = new TreeSet<>();
    Set<String> evidence = new LinkedHashSet<>();
    String severity = "info";
    double score = 0;
    for (AlertEvent m : members) {
      if (!m.region().isEmpty()) {
        regions.add(m.region());
      }
      if (rank(m.severity()) > rank(severity)) {
        severity = m.severity();
      }
      score = Math.max(score, m.score());
      for (String e : m.logEvidence()) {
        if (evidence.size() < MAX_EVIDENCE) {
          evidence.add(e);
        }
      }
    }
    String summary = "Provider-wide incident on " + first.provider() + ": " + members.size()
        + " services firing at once (" + String.join(", ", services) + ")";
    return new AlertEvent(alertId, dedupKey, AlertEvent.FIRING, severity, first.provider(),
        String.join(",", regions), ALL_SERVICES, Instant.ofEpochMilli(raisedAt).toString(),
        Instant.now().toString(), score, worst.posterior(), worst.uncertainty(), first.modelVersion(),
        summary, mergedContributors(members), List.copyOf(evidence));
  }

  /** The resolve of {@code firing} at {@code resolvedAt}, with the number of services still firing. */
  public static AlertEvent resolved(AlertEvent firing, int stillFiring, long resolvedAt) {
    long raised = Instant.parse(firing.eventTime()).toEpochMilli();
    String summary = "Provider-wide incident on " + firing.provider() + " over after "
        + (resolvedAt - raised) / 60_000 + " min (" + stillFiring + " service(s) still firing)";
    return new AlertEvent(firing.alertId(), firing.dedupKey(), AlertEvent.RESOLVED, firing.severity(),
        firing.provider(), firing.region(), ALL_SERVICES, Instant.ofEpochMilli(resolvedAt).toString(),
        Instant.now().toString(), firing.score(), firing.posterior(), firing.uncertainty(),
        firing.modelVersion(), summary, firing.contributors(), firing.logEvidence());
  }

  /** Higher is worse; unknown severities rank lowest. */
  public static int rank(String severity) {
    return SEVERITY_ORDER.indexOf(severity);
  }

  private static List<AlertEvent.Contributor> mergedContributors(Collection<AlertEvent> members) {
    Map<String, Double> weight = new LinkedHashMap<>();
    for (AlertEvent m : members) {
      for (AlertEvent.Contributor c : m.contributors()) {
        weight.merge(c.signal(), c.weight(), Math::max);
      }
    }
    List<AlertEvent.Contributor> out = new ArrayList<>();
    weight.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(MAX_CONTRIBUTORS)
        .forEach(e -> out.add(new AlertEvent.Contributor(e.getKey(), e.getValue())));
    return out;
  }
}
