package dev.stormwatch.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places labelled incidents and benign look-alikes in the live period: kinds rotate so a scenario
 * covers them all, events on one service never overlap (with a quiet gap between them), and a
 * scheduled batch job recurs at the same minute of every day, history included.
 */
public final class EventPlanner {
  private static final int GAP_MINUTES = 30;
  private static final int LEAD_IN_MINUTES = 30;
  private static final int TAIL_MINUTES = 5;
  private static final int ATTEMPTS = 400;
  private static final int DAY = 1440;

  private final List<ServiceSpec> services;
  private final int liveStart;
  private final int totalMinutes;
  private final SplittableRandom rng;
  private final List<ScenarioEvent> events = new ArrayList<>();

  /** A planner for data of {@code totalMinutes} whose live period begins at {@code liveStart}. */
  public EventPlanner(
      List<ServiceSpec> services, int liveStart, int totalMinutes, SplittableRandom rng) {
    this.services = services;
    this.liveStart = liveStart;
    this.totalMinutes = totalMinutes;
    this.rng = rng;
  }

  /** Plans {@code incidents} incidents, then {@code benign} look-alikes; returns all events. */
  public List<ScenarioEvent> plan(int incidents, int benign) {
    EventKind[] incidentKinds =
        Arrays.stream(EventKind.values()).filter(k -> !k.benign()).toArray(EventKind[]::new);
    EventKind[] benignKinds =
        Arrays.stream(EventKind.values()).filter(EventKind::benign).toArray(EventKind[]::new);
    shuffle(incidentKinds);
    shuffle(benignKinds);
    for (int i = 0; i < incidents; i++) {
      place(String.format("inc-%02d", i + 1), incidentKinds, i);
    }
    for (int i = 0; i < benign; i++) {
      place(String.format("benign-%02d", i + 1), benignKinds, i);
    }
    events.sort((a, b) -> Integer.compare(a.startMinute(), b.startMinute()));
    return List.copyOf(events);
  }

  private void place(String id, EventKind[] kinds, int index) {
    for (int k = 0; k < kinds.length; k++) {
      EventKind kind = kinds[(index + k) % kinds.length];
      List<ServiceSpec> fitting = services.stream().filter(s -> s.emits(kind.requiredMetric())).toList();
      List<ServiceSpec> quiet = leastBusy(fitting);
      for (int attempt = 0; attempt < ATTEMPTS && !fitting.isEmpty(); attempt++) {
        List<ServiceSpec> pool = attempt < ATTEMPTS / 2 ? quiet : fitting;
        ServiceSpec service = pool.get(rng.nextInt(pool.size()));
        int[] shape = shape(kind);
        int latestStart = totalMinutes - TAIL_MINUTES - shape[1];
        int earliestStart = liveStart + LEAD_IN_MINUTES;
        if (latestStart <= earliestStart) {
          continue;
        }
        int start = earliestStart + rng.nextInt(latestStart - earliestStart);
        ScenarioEvent event =
            new ScenarioEvent(id, service, kind, start, start + shape[0], start + shape[1]);
        if (free(event)) {
          events.add(event);
          if (kind == EventKind.SCHEDULED_BATCH) {
            addDailyRepeats(event);
          }
          return;
        }
      }
    }
    throw new IllegalArgumentException(
        "cannot place event " + id + ": live period too short or too many events for the services");
  }

  /** The services among {@code candidates} with the fewest events so far, to spread events out. */
  private List<ServiceSpec> leastBusy(List<ServiceSpec> candidates) {
    long fewest = Long.MAX_VALUE;
    List<ServiceSpec> quiet = new ArrayList<>();
    for (ServiceSpec s : candidates) {
      long n = events.stream().filter(e -> e.service().equals(s)).count();
      if (n < fewest) {
        fewest = n;
        quiet.clear();
      }
      if (n == fewest) {
        quiet.add(s);
      }
    }
    return quiet;
  }

  private void addDailyRepeats(ScenarioEvent first) {
    int length = first.endMinute() - first.startMinute();
    for (int start = first.startMinute() % DAY; start + length <= totalMinutes; start += DAY) {
      if (start == first.startMinute()) {
        continue;
      }
      ScenarioEvent repeat =
          new ScenarioEvent(first.id() + "-d" + (start / DAY), first.service(), first.kind(), start,
              start, start + length);
      if (free(repeat)) {
        events.add(repeat);
      }
    }
  }

  private boolean free(ScenarioEvent candidate) {
    for (ScenarioEvent other : events) {
      if (other.service().equals(candidate.service())
          && candidate.startMinute() < other.endMinute() + GAP_MINUTES
          && other.startMinute() < candidate.endMinute() + GAP_MINUTES) {
        return false;
      }
    }
    return true;
  }

  /** {impact offset, end offset} in minutes after the onset, drawn per kind. */
  private int[] shape(EventKind kind) {
    switch (kind) {
      case NETWORK_PARTITION:
        return abrupt(15, 35);
      case BAD_DEPLOY:
        return abrupt(20, 45);
      case CPU_SATURATION:
        return abrupt(15, 40);
      case MEMORY_LEAK:
        return gradual(40, 90, 10, 25);
      case DISK_FILLING:
        return gradual(30, 80, 10, 20);
      case CONN_POOL_EXHAUSTION:
        return gradual(20, 50, 10, 25);
      case CERT_EXPIRY:
        return gradual(30, 90, 15, 30);
      case LATENCY_CREEP:
        return gradual(30, 70, 10, 20);
      case SCHEDULED_BATCH:
        return benign(20, 40);
      case TRAFFIC_SURGE:
        return benign(20, 60);
      case CLEAN_DEPLOY:
        return benign(6, 10);
      case RETRY_STORM:
        return benign(3, 6);
      default:
        throw new IllegalStateException("unplanned kind " + kind);
    }
  }

  private int[] abrupt(int minLength, int maxLength) {
    return new int[] {1 + rng.nextInt(2), between(minLength, maxLength)};
  }

  private int[] gradual(int minLead, int maxLead, int minAfter, int maxAfter) {
    int impact = between(minLead, maxLead);
    return new int[] {impact, impact + between(minAfter, maxAfter)};
  }

  private int[] benign(int minLength, int maxLength) {
    return new int[] {0, between(minLength, maxLength)};
  }

  private int between(int low, int high) {
    return low + rng.nextInt(high - low + 1);
  }

  private void shuffle(EventKind[] kinds) {
    for (int i = kinds.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      EventKind t = kinds[i];
      kinds[i] = kinds[j];
      kinds[j] = t;
    }
  }
}
