package dev.stormwatch.sim;

import java.util.List;

/**
 * A generated scenario held in memory, ready to write.
 *
 * @param config the settings it was generated with
 * @param services the topology
 * @param history history lines in delivery order
 * @param live live lines in delivery order, with any malformed lines mixed in
 * @param incidents labelled incidents (all in the live period)
 * @param benign benign look-alikes in the live period
 * @param malformed the injected bad lines, by line number of {@code live}
 */
public record Scenario(
    SimConfig config,
    List<ServiceSpec> services,
    List<String> history,
    List<String> live,
    List<ScenarioEvent> incidents,
    List<ScenarioEvent> benign,
    List<MalformedLines.Injected> malformed) {}
