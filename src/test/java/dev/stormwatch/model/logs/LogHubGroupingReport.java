package dev.stormwatch.model.logs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints Drain's grouping accuracy on the 16 LogHub 2k samples (not a test). Usage: {@code
 * LogHubGroupingReport [loghubDir] [similarityThreshold] [depth]}.
 */
public final class LogHubGroupingReport {
  private LogHubGroupingReport() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets/loghub");
    DrainConfig config = DrainConfig.DEFAULTS;
    if (args.length > 1) {
      config = config.withSimilarityThreshold(Double.parseDouble(args[1]));
    }
    if (args.length > 2) {
      config = config.withDepth(Integer.parseInt(args[2]));
    }
    double sum = 0;
    for (String system : LogHubSample.SYSTEMS) {
      LogHubSample sample = LogHubSample.load(dir, system);
      double accuracy = accuracy(sample, config);
      sum += accuracy;
      System.out.printf("%-12s %.3f%n", system, accuracy);
    }
    System.out.printf("%-12s %.3f%n", "average", sum / LogHubSample.SYSTEMS.size());
  }

  /** Mines the sample in order with a fresh miner and scores the final cluster of each line. */
  static double accuracy(LogHubSample sample, DrainConfig config) {
    DrainTemplateMiner miner = new DrainTemplateMiner(config);
    List<Long> predicted = new ArrayList<>(sample.contents().size());
    for (String line : sample.contents()) {
      predicted.add(miner.add(line).clusterId());
    }
    return GroupingAccuracy.of(predicted, sample.eventIds());
  }
}
