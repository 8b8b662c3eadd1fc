package dev.stormwatch.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a Kubernetes pod name to the workload (microservice) it belongs to. */
public final class PodNames {
  /** Deployment pods: {@code <name>-<replicaset hash>-<5-char suffix>}. */
  private static final Pattern DEPLOYMENT = Pattern.compile("^(.+)-[a-z0-9]{5,10}-[a-z0-9]{5}$");
  /** Pods of a bare ReplicaSet, DaemonSet or Job: {@code <name>-<5-char suffix>}. */
  private static final Pattern SINGLE_SUFFIX = Pattern.compile("^(.+)-[a-z0-9]{5}$");

  private PodNames() {}

  /**
   * The service of a pod, e.g. {@code ts-basic-service-5dc8d4f9fd-46997 -> ts-basic-service}; a
   * name without the generated suffixes is returned unchanged.
   */
  public static String serviceOf(String pod) {
    Matcher m = DEPLOYMENT.matcher(pod);
    if (m.matches()) {
      return m.group(1);
    }
    m = SINGLE_SUFFIX.matcher(pod);
    return m.matches() ? m.group(1) : pod;
  }
}
