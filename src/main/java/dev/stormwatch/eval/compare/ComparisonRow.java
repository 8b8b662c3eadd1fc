package dev.stormwatch.eval.compare;

import dev.stormwatch.eval.AlertEpisode;
import dev.stormwatch.eval.ScenarioReport;
import java.nio.file.Path;
import java.util.List;

/**
 * One detector's line of a comparison.
 *
 * @param name the detector (or the alerts file's given name)
 * @param alerts the scored alerts file
 * @param episodes its alert episodes
 * @param report the scenario scores
 * @param recordsPerSecond replay throughput, null for alerts produced elsewhere
 * @param seconds wall time of the replay, null for alerts produced elsewhere
 * @param recordsPerCpuSecond replay throughput per CPU second of the replaying thread, null for
 *     alerts produced elsewhere or when the JVM cannot measure thread CPU time
 */
public record ComparisonRow(
    String name,
    Path alerts,
    List<AlertEpisode> episodes,
    ScenarioReport report,
    Double recordsPerSecond,
    Double seconds,
    Double recordsPerCpuSecond) {}
