package dev.stormwatch.sim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates every record of one service: one metric record per resource-minute (per-resource
 * phase, a few seconds of jitter, occasional delivery up to 30 s late) and background plus event
 * logs, under a daily sine load with day-to-day (weekday/weekend) variation and slow noise.
 */
final class ServiceSimulator {
  private static final long MINUTE = 60_000L;
  private static final double LOG_RATE = 1.35;
  private static final double LATE_SHARE = 0.015;

  private final ServiceSpec service;
  private final List<ScenarioEvent> events;
  private final SplittableRandom rng;
  private final MetricSampler sampler;
  private final EventLogs eventLogs;
  private final long startMillis;
  private final long sequenceBase;
  private final long[] phase;
  private long sequence;

  ServiceSimulator(ServiceSpec service, List<ScenarioEvent> events, SplittableRandom rng,
      long startMillis, long sequenceBase) {
    this.service = service;
    this.events = events;
    this.rng = rng;
    this.sampler = new MetricSampler(service, rng.split());
    this.eventLogs = new EventLogs(rng.split());
    this.startMillis = startMillis;
    this.sequenceBase = sequenceBase;
    this.phase = new long[service.resources().size()];
    for (int r = 0; r < phase.length; r++) {
      phase[r] = 3000 + rng.nextInt(12000);
    }
  }

  /** All records of minutes {@code [0, minutes)}, appended to {@code out}. */
  void run(int minutes, List<SimRecord> out) {
    double[] dayFactor = dayFactors(minutes / 1440 + 2);
    double drift = 0;
    Drivers d = new Drivers();
    for (int m = 0; m < minutes; m++) {
      long minuteStart = startMillis + m * MINUTE;
      drift = 0.98 * drift + 0.01 * rng.nextGaussian();
      double load = Math.max(0.05, diurnal(minuteStart) * day(dayFactor, m) * (1 + drift));
      d.reset();
      for (ScenarioEvent e : events) {
        if (e.activeAt(m)) {
          EventEffects.apply(e, m, d, sampler.normalMem(), sampler.normalDisk(m % 1440),
              sampler.normalPool());
        }
      }
      for (int r = 0; r < phase.length; r++) {
        if (r == d.silentResource) {
          continue;
        }
        long jitter = Math.round(Math.max(-2500, Math.min(2500, 1200 * rng.nextGaussian())));
        long time = minuteStart + phase[r] + jitter;
        add(out, time, sampler.sample(r, m, time, load, d));
      }
      backgroundLogs(minuteStart, load, out);
      for (ScenarioEvent e : events) {
        if (e.activeAt(m)) {
          final int minute = m;
          eventLogs.emit(e, minute, (sev, msg) -> log(minuteStart, sev, msg, out));
        }
      }
    }
  }

  private void backgroundLogs(long minuteStart, double load, List<SimRecord> out) {
    int n = Poisson.draw(LOG_RATE * load, rng);
    ServiceProfile p = service.profile();
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      boolean own = rng.nextBoolean();
      if (u < 0.84) {
        log(minuteStart, "INFO", pick(own ? p.info() : ServiceProfile.COMMON_INFO), out);
      } else if (u < 0.95) {
        log(minuteStart, "WARN", pick(own ? p.warn() : ServiceProfile.COMMON_WARN), out);
      } else {
        log(minuteStart, "ERROR", pick(own ? p.error() : ServiceProfile.COMMON_ERROR), out);
      }
    }
  }

  private String pick(List<String> templates) {
    return LogTemplateFiller.fill(templates.get(rng.nextInt(templates.size())), rng);
  }

  private void log(long minuteStart, String severity, String message, List<SimRecord> out) {
    long time = minuteStart + rng.nextInt(60_000);
    String resource = service.resources().get(rng.nextInt(service.resources().size()));
    add(out, time, JsonLines.log(time, service, resource, severity, message));
  }

  private void add(List<SimRecord> out, long time, String json) {
    long delay = rng.nextInt(1500);
    if (rng.nextDouble() < LATE_SHARE) {
      delay += 5000 + rng.nextInt(25_000);
    }
    out.add(new SimRecord(time + delay, time, sequenceBase + sequence++, json));
  }

  private double diurnal(long millis) {
    double hour = (millis % 86_400_000L) / 3_600_000.0;
    return 1.0 + 0.35 * Math.cos(2 * Math.PI * (hour - service.peakHourUtc()) / 24.0);
  }

  private double[] dayFactors(int days) {
    double[] factors = new double[days];
    for (int i = 0; i < days; i++) {
      DayOfWeek dow =
          Instant.ofEpochMilli(startMillis + i * 86_400_000L).atZone(ZoneOffset.UTC).getDayOfWeek();
      boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
      factors[i] = (weekend ? 0.8 : 1.0) * (1 + 0.05 * rng.nextGaussian());
    }
    return factors;
  }

  /** Day factor interpolated between noons, so the weekly pattern has no step at midnight. */
  private static double day(double[] factors, int minute) {
    double pos = (minute - 720) / 1440.0;
    int i = (int) Math.floor(pos);
    double f = pos - i;
    double a = factors[Math.max(0, i)];
    double b = factors[Math.min(factors.length - 1, Math.max(0, i + 1))];
    return a + (b - a) * f;
  }
}
