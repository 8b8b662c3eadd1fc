package dev.stormwatch.sim;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Settings of one simulation run.
 *
 * @param seed random seed; equal settings and seed give identical output bytes
 * @param out output directory
 * @param start first minute of the history period (UTC, truncated to the minute)
 * @param historyHours length of the incident-free history period
 * @param liveHours length of the live period that holds the labelled events
 * @param providers number of cloud providers (1-4)
 * @param servicesPerProvider services per provider
 * @param incidents labelled incidents to place
 * @param benign benign look-alikes to place
 * @param malformed bad lines to mix into the live stream
 * @param gzip whether to write {@code .jsonl.gz} instead of {@code .jsonl}
 */
public record SimConfig(
    long seed,
    Path out,
    Instant start,
    int historyHours,
    int liveHours,
    int providers,
    int servicesPerProvider,
    int incidents,
    int benign,
    int malformed,
    boolean gzip) {

  /** The defaults: the demo shape (4 providers x 3 services, 24 h history, 12 h live). */
  public static SimConfig defaults() {
    return new SimConfig(42L, Path.of("out/sim"), Instant.parse("2026-03-02T00:00:00Z"), 24, 12, 4,
        3, 8, 4, 0, false);
  }

  /** Minutes of history. */
  public int historyMinutes() {
    return historyHours * 60;
  }

  /** Minutes of history plus live data. */
  public int totalMinutes() {
    return (historyHours + liveHours) * 60;
  }
}
