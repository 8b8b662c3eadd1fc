package dev.stormwatch.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a whole scenario deterministically from a {@link SimConfig}: topology, event plan,
 * every service's records, split by event time into history and live, each in delivery order.
 */
public final class ScenarioGenerator {
  private static final Comparator<SimRecord> DELIVERY_ORDER =
      Comparator.comparingLong(SimRecord::deliveryMillis).thenComparingLong(SimRecord::sequence);

  private ScenarioGenerator() {}

  /** Generates the scenario of {@code config}. */
  public static Scenario generate(SimConfig config) {
    SplittableRandom root = new SplittableRandom(config.seed());
    List<ServiceSpec> services =
        Topology.build(config.providers(), config.servicesPerProvider(), root.split());
    int historyMinutes = config.historyMinutes();
    int total = config.totalMinutes();
    List<ScenarioEvent> events =
        new EventPlanner(services, historyMinutes, total, root.split())
            .plan(config.incidents(), config.benign());
    long startMillis = config.start().toEpochMilli() / 60_000L * 60_000L;
    List<SimRecord> records = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      ServiceSpec service = services.get(i);
      List<ScenarioEvent> own = events.stream().filter(e -> e.service().equals(service)).toList();
      new ServiceSimulator(service, own, root.split(), startMillis, (long) i << 40)
          .run(total, records);
    }
    records.sort(DELIVERY_ORDER);
    long liveStartMillis = startMillis + historyMinutes * 60_000L;
    List<String> history = new ArrayList<>();
    List<String> live = new ArrayList<>();
    for (SimRecord r : records) {
      (r.timeMillis() < liveStartMillis ? history : live).add(r.json());
    }
    List<MalformedLines.Injected> malformed =
        MalformedLines.inject(live, config.malformed(), liveStartMillis, root.split());
    List<ScenarioEvent> incidents = new ArrayList<>();
    List<ScenarioEvent> benign = new ArrayList<>();
    for (ScenarioEvent e : events) {
      if (e.startMinute() >= historyMinutes) {
        (e.kind().benign() ? benign : incidents).add(e);
      }
    }
    return new Scenario(config, services, history, live, List.copyOf(incidents),
        List.copyOf(benign), malformed);
  }
}
