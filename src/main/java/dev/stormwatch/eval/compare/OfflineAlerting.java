package dev.stormwatch.eval.compare;

import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.alert.AlertState;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.detect.OfflineDetection;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.TelemetryEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Replays warm-up and input records through {@link OfflineDetection} (the job's window assembly
 * and baseline learning, without Flink) into any {@link Detector}, and turns the live windows'
 * scores into alerts with the job's {@link AlertPolicy}. Like the job, each source is put into
 * event-time order within the watermark delay ({@code window.max-out-of-orderness}); a record whose
 * step already closed is late and dropped. Warm-up windows are scored (so that learning detectors
 * can train) but never alert.
 */
public final class OfflineAlerting {
  private final JobConfig job;
  private final BaselineConfig baseline;
  private final AlertPolicy policy;

  /** Alerting with the windows and hysteresis of {@code job}. */
  public OfflineAlerting(JobConfig job) {
    this.job = job;
    this.baseline = BaselineConfig.builder()
        .stepMillis(job.windowSlide.toMillis()).windowSteps(job.windowSteps()).build();
    this.policy = new AlertPolicy(
        job.alertThreshold, job.raiseAfter, job.resolveThreshold, job.resolveAfter);
  }

  /** The baseline settings the replay uses (step and window length of the job). */
  public BaselineConfig baselineConfig() {
    return baseline;
  }

  /**
   * What one replay produced.
   *
   * @param alerts firing and resolved events, in the order they were raised
   * @param records records replayed (warm-up and input)
   * @param windows windows scored (warm-up and live)
   * @param lateRecords records dropped because their step had closed
   * @param seconds wall time of the replay, detection and alerting (parsing excluded)
   * @param cpuSeconds CPU time of the replaying thread over the same span (NaN when unsupported)
   */
  public record Outcome(List<AlertEvent> alerts, long records, long windows, long lateRecords,
      double seconds, double cpuSeconds) {
    /** Records replayed per wall-clock second. */
    public double recordsPerSecond() {
      return seconds > 0 ? records / seconds : 0;
    }

    /** Records replayed per CPU second of the replaying thread (NaN when unmeasured). */
    public double recordsPerCpuSecond() {
      return cpuSeconds > 0 ? records / cpuSeconds : Double.NaN;
    }
  }

  /** Replays {@code warmup} then {@code input} through {@code detector}. */
  public Outcome run(List<TelemetryEvent> warmup, List<TelemetryEvent> input, Detector detector) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    long cpuStarted = cpu ? threads.getCurrentThreadCpuTime() : 0;
    long started = System.nanoTime();
    OfflineDetection detection = new OfflineDetection(baseline, detector);
    Alerts alerts = new Alerts();
    long late = replay(warmup, detection, alerts) + replay(input, detection, alerts);
    alerts.accept(detection.finish());
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = cpu ? (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9 : Double.NaN;
    return new Outcome(alerts.events, warmup.size() + (long) input.size(), alerts.windows,
        late + detection.dropped(), seconds, cpuSeconds);
  }

  /** Feeds one source in watermark order; returns the records it found late. */
  private long replay(List<TelemetryEvent> source, OfflineDetection detection, Alerts alerts) {
    long delay = job.maxOutOfOrderness.toMillis();
    long step = baseline.stepMillis;
    PriorityQueue<Sequenced> buffer = new PriorityQueue<>(
        Comparator.comparingLong((Sequenced s) -> s.event.timeMillis()).thenComparingLong(s -> s.seq));
    long maxSeen = Long.MIN_VALUE;
    long late = 0;
    long seq = 0;
    for (TelemetryEvent e : source) {
      long watermark = maxSeen == Long.MIN_VALUE ? Long.MIN_VALUE : maxSeen - delay;
      if (Math.floorDiv(e.timeMillis(), step) * step + step <= watermark) {
        late++;
        continue;
      }
      buffer.add(new Sequenced(e, seq++));
      maxSeen = Math.max(maxSeen, e.timeMillis());
      long released = maxSeen - delay;
      while (!buffer.isEmpty() && buffer.peek().event.timeMillis() <= released) {
        alerts.accept(detection.accept(buffer.poll().event));
      }
    }
    while (!buffer.isEmpty()) {
      alerts.accept(detection.accept(buffer.poll().event));
    }
    return late;
  }

  /** Per-key alert states fed with the replay's results. */
  private final class Alerts {
    final Map<String, AlertState> states = new HashMap<>();
    final List<AlertEvent> events = new ArrayList<>();
    long windows;

    void accept(List<DetectionResult> results) {
      for (DetectionResult r : results) {
        windows++;
        if (!r.live) {
          continue;
        }
        AlertEvent event = policy.advance(states.computeIfAbsent(r.key(), k -> new AlertState()), r);
        if (event != null) {
          events.add(event);
        }
      }
    }
  }

  private record Sequenced(TelemetryEvent event, long seq) {}
}
