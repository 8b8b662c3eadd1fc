package dev.stormwatch.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Converts one Nezha fault-suffering day into Stormwatch input: per-pod metric CSVs (and, on request,
 * the per-minute logs) become contract records, the fault list becomes incident labels.
 *
 * <p>Split: every shipped day starts about two minutes before its first injection, so there is no
 * fault-free stretch before the faults. The live period runs from the first record to the last
 * injection plus {@code tailMinutes} (rounded up to a minute); the fault-free rest of the day becomes
 * the history, shifted back by one day so that it precedes the live period (hours of day are kept,
 * so the baseline's hour-of-day buckets stay meaningful). With {@code quietMinutes}, the live period's
 * long fault-free stretches ({@link QuietStretches}) move to the history too, shifted the same way.
 *
 * <p>Labels: start = impact = injection time (injected faults act at once), end = injection + {@code
 * faultMinutes}.
 */
public final class NezhaConverter {
  /** The region of every record: one on-premises Kubernetes cluster. */
  public static final String REGION = "on-prem";
  /** History is moved back by this much. */
  public static final Duration HISTORY_SHIFT = Duration.ofDays(1);

  private NezhaConverter() {}

  /** Reads and converts the day named by {@code o}. */
  public static NezhaDataset convert(NezhaOptions o) throws IOException {
    Path day = o.dayDir();
    List<FaultList.Fault> faults = FaultList.read(day.resolve(o.date() + "-fault_list.json"));
    if (faults.isEmpty()) {
      throw new IOException(day + ": the fault list is empty");
    }
    List<TimedLine> records = new ArrayList<>();
    Map<String, ObjectNode> topology = new TreeMap<>();
    ObjectMapper mapper = new ObjectMapper();
    for (Path f : list(day.resolve("metric"), "_metric.csv")) {
      NezhaMetrics.PodSeries s = NezhaMetrics.read(f, o.system().provider, REGION, o.withNodeMetrics());
      records.addAll(s.records());
      ObjectNode t = topology.computeIfAbsent(s.service(), k -> topologyEntry(mapper, o, k));
      ((ArrayNode) t.get("resources")).add(s.pod());
      TreeSet<String> names = new TreeSet<>(s.metricNames());
      t.get("metrics").forEach(n -> names.add(n.asText()));
      ArrayNode metrics = t.putArray("metrics");
      names.forEach(metrics::add);
    }
    if (records.isEmpty()) {
      throw new IOException(day + ": no metric records");
    }
    int logCount = 0;
    if (o.withLogs()) {
      for (Path dir : List.of(day.resolve("log"), o.root().resolve("construct_data").resolve(o.date()).resolve("log"))) {
        for (Path f : list(dir, ".csv", ".csv.gz")) {
          List<TimedLine> logs = NezhaLogs.read(f, o.system().provider, REGION);
          logCount += logs.size();
          records.addAll(logs);
        }
      }
    }
    records.sort(TimedLine.BY_TIME);
    Instant liveStart = Instant.ofEpochMilli(records.get(0).time()).truncatedTo(ChronoUnit.MINUTES);
    Instant lastInject = faults.get(faults.size() - 1).inject();
    Instant liveEnd = ceilMinute(lastInject.plus(Duration.ofMinutes(o.tailMinutes())));
    List<QuietStretches.Stretch> quiet = QuietStretches.between(faults, o.faultMinutes(),
        o.quietMinutes(), NezhaOptions.QUIET_MARGIN_MINUTES);
    List<TimedLine> live = new ArrayList<>();
    List<TimedLine> history = new ArrayList<>();
    long shift = HISTORY_SHIFT.toMillis();
    for (TimedLine r : records) {
      if (r.time() < liveEnd.toEpochMilli() && !QuietStretches.inAny(quiet, r.time())) {
        live.add(r);
      } else {
        history.add(shifted(r, shift));
      }
    }
    if (history.isEmpty()) {
      throw new IOException(day + ": no fault-free data after " + liveEnd + " to learn from");
    }
    if (history.get(history.size() - 1).time() >= liveStart.toEpochMilli()) {
      throw new IOException(day + ": the day spans more than " + HISTORY_SHIFT + "; shifted history would overlap live data");
    }
    List<IncidentLabel> labels = labels(o, faults);
    ObjectNode meta = metadata(mapper, o, history, live, liveStart, liveEnd, logCount, labels.size());
    ArrayNode moved = meta.putArray("quiet_history");
    for (QuietStretches.Stretch q : quiet) {
      moved.addObject().put("start", q.start().toString()).put("end", q.end().toString());
    }
    meta.put("services", topology.size());
    ArrayNode topo = meta.putArray("topology");
    topology.values().forEach(topo::add);
    return new NezhaDataset(history, live, labels, liveStart, liveEnd, meta);
  }

  /** The scenario.json content (without the topology). */
  private static ObjectNode metadata(ObjectMapper mapper, NezhaOptions o, List<TimedLine> history,
      List<TimedLine> live, Instant liveStart, Instant liveEnd, int logCount, int incidents) {
    ObjectNode meta = mapper.createObjectNode();
    meta.put("generator", ConvertNezhaCommand.class.getName());
    meta.put("source", "Nezha rca_data/" + o.date() + " (github.com/IntelligentDDS/Nezha)");
    meta.put("system", o.system().provider);
    meta.put("date", o.date());
    meta.put("history_start", ContractRecords.time(history.get(0).time()));
    meta.put("history_end", ContractRecords.time(history.get(history.size() - 1).time()));
    meta.put("history_shift", HISTORY_SHIFT.negated().toString());
    meta.put("live_start", liveStart.toString());
    meta.put("live_end", liveEnd.toString());
    meta.put("providers", 1);
    meta.put("history_records", history.size());
    meta.put("live_records", live.size());
    meta.put("log_records", logCount);
    meta.put("with_logs", o.withLogs());
    meta.put("with_node_metrics", o.withNodeMetrics());
    meta.put("fault_minutes", o.faultMinutes());
    meta.put("tail_minutes", o.tailMinutes());
    meta.put("quiet_minutes", o.quietMinutes());
    meta.put("incidents", incidents);
    return meta;
  }

  static List<IncidentLabel> labels(NezhaOptions o, List<FaultList.Fault> faults) {
    List<IncidentLabel> labels = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      FaultList.Fault f = faults.get(i);
      String id = String.format("nezha-%s-%s-%02d", o.system().idPrefix, o.date(), i + 1);
      labels.add(new IncidentLabel(id, o.system().provider, f.service(), f.type(), f.inject(),
          f.inject(), f.inject().plus(Duration.ofMinutes(o.faultMinutes()))));
    }
    return labels;
  }

  private static ObjectNode topologyEntry(ObjectMapper mapper, NezhaOptions o, String service) {
    ObjectNode t = mapper.createObjectNode();
    t.put("provider", o.system().provider);
    t.put("region", REGION);
    t.put("service", service);
    t.putArray("resources");
    t.putArray("metrics");
    return t;
  }

  /** The record moved {@code shiftMillis} earlier; its text is re-written with the new time. */
  private static TimedLine shifted(TimedLine r, long shiftMillis) {
    long t = r.time() - shiftMillis;
    String from = "\"time\":\"" + ContractRecords.time(r.time()) + "\"";
    String to = "\"time\":\"" + ContractRecords.time(t) + "\"";
    int at = r.json().indexOf(from);
    if (at < 0) {
      throw new IllegalStateException("record has no time field: " + r.json());
    }
    return new TimedLine(t, r.json().substring(0, at) + to + r.json().substring(at + from.length()));
  }

  /** {@code t} rounded up to a whole minute. */
  static Instant ceilMinute(Instant t) {
    Instant floor = t.truncatedTo(ChronoUnit.MINUTES);
    return floor.equals(t) ? t : floor.plus(Duration.ofMinutes(1));
  }

  /** Files of {@code dir} whose names end in one of {@code suffixes}, sorted; none when dir is absent. */
  static List<Path> list(Path dir, String... suffixes) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        for (String suffix : suffixes) {
          if (n.endsWith(suffix)) {
            return true;
          }
        }
        return false;
      }).sorted().toList();
    }
  }
}
