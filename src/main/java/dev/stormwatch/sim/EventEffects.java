package dev.stormwatch.sim;

/** How each kind of event perturbs the metric {@link Drivers} of its service, minute by minute. */
public final class EventEffects {
  private EventEffects() {}

  /** Applies {@code event} at minute {@code m} (which must be active) on top of {@code d}. */
  public static void apply(ScenarioEvent event, int m, Drivers d, double normalMem,
      double normalDisk, double normalPool) {
    double build = event.buildUp(m);
    boolean impact = event.impacting(m);
    int sinceStart = m - event.startMinute();
    int untilEnd = event.endMinute() - m;
    double ramp = Math.min(1.0, (sinceStart + 1) / 2.0) * Math.min(1.0, untilEnd / 3.0);
    switch (event.kind()) {
      case NETWORK_PARTITION:
        d.errorAdd += 0.35 * ramp;
        d.rpsFactor *= 1.0 - 0.45 * ramp;
        d.latencyFactor *= 1.0 + 4.0 * ramp;
        break;
      case BAD_DEPLOY:
        d.errorAdd += (impact ? 0.12 : 0.03) * ramp;
        d.latencyFactor *= 1.0 + 0.3 * ramp;
        break;
      case CPU_SATURATION:
        d.cpuAdd += 0.6 * ramp;
        d.errorAdd += impact ? 0.02 * ramp : 0.0;
        break;
      case MEMORY_LEAK:
        d.memLevel = impact ? 0.9 + 0.09 * ((m * 7) % 5) / 4.0
            : normalMem + (0.97 - normalMem) * Math.pow(build, 1.2);
        d.latencyFactor *= impact ? 1.8 : 1.0 + 0.3 * Math.pow(build, 3);
        d.errorAdd += impact ? 0.08 : 0.0;
        break;
      case DISK_FILLING:
        d.diskLevel = impact ? 0.995 : normalDisk + (0.99 - normalDisk) * build;
        d.errorAdd += impact ? 0.1 : 0.0;
        break;
      case CONN_POOL_EXHAUSTION:
        d.poolLevel = impact ? 1.0 : normalPool + (1.0 - normalPool) * Math.pow(build, 1.5);
        d.latencyFactor *= 1.0 + (impact ? 3.0 : 1.5 * build * build);
        d.errorAdd += impact ? 0.15 : 0.0;
        break;
      case CERT_EXPIRY:
        d.errorAdd += impact ? 0.25 : 0.0;
        d.rpsFactor *= impact ? 0.7 : 1.0;
        break;
      case LATENCY_CREEP:
        d.latencyFactor *= 1.0 + 3.0 * Math.pow(build, 1.3) + (impact ? 0.05 * (m - event.impactMinute()) : 0);
        d.errorAdd += impact ? 0.03 : 0.0;
        break;
      case SCHEDULED_BATCH:
        d.cpuAdd += 0.22 * ramp;
        d.latencyFactor *= 1.0 + 0.08 * ramp;
        break;
      case TRAFFIC_SURGE:
        double bell = Math.sin(Math.PI * event.progress(m));
        d.rpsFactor *= 1.0 + 0.8 * bell;
        d.capacityFactor *= 1.0 + 0.4 * bell;
        d.latencyFactor *= 1.0 + 0.15 * bell;
        break;
      case CLEAN_DEPLOY:
        d.cpuAdd += sinceStart < 3 ? 0.08 : 0.0;
        d.silentResource = sinceStart % 3 == 1 ? sinceStart / 3 : -1;
        break;
      case RETRY_STORM:
        d.latencyFactor *= 1.12;
        break;
      default:
        throw new IllegalStateException("no effect for " + event.kind());
    }
  }
}
