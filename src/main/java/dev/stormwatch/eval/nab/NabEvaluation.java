package dev.stormwatch.eval.nab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * NAB's optimise-score-normalise pipeline (numenta/NAB {@code runner.py}) for one detector's
 * results: per profile, the best corpus threshold and raw score, normalised between the null
 * detector (constant 0.5, optimised the same way) and the perfect score ({@code windows x
 * tpWeight}); per category, the same pipeline run on that category's files alone.
 */
public final class NabEvaluation {
  /** NAB's null detector's constant anomaly score. */
  public static final double NULL_SCORE = 0.5;

  private NabEvaluation() {}

  /** Result of one detector: corpus rows and per-category rows, each keyed by profile name. */
  public record Result(
      Map<String, ProfileScore> overall, Map<String, Map<String, ProfileScore>> categories) {}

  /** Runs the pipeline for all profiles. */
  public static Result evaluate(List<ScoredFile> files, List<CostProfile> profiles) {
    Map<String, ProfileScore> overall = new LinkedHashMap<>();
    Map<String, ThresholdScore> nullBest = new LinkedHashMap<>();
    for (CostProfile profile : profiles) {
      ThresholdScore detector = ThresholdOptimizer.optimize(files, profile);
      ThresholdScore nullScore = ThresholdOptimizer.optimize(nullFiles(files), profile);
      nullBest.put(profile.name(), nullScore);
      overall.put(profile.name(), toProfileScore(profile, files, detector, nullScore, null));
    }
    Map<String, List<ScoredFile>> byCategory = new TreeMap<>();
    for (ScoredFile file : files) {
      byCategory.computeIfAbsent(file.category(), c -> new ArrayList<>()).add(file);
    }
    Map<String, Map<String, ProfileScore>> categories = new LinkedHashMap<>();
    for (Map.Entry<String, List<ScoredFile>> entry : byCategory.entrySet()) {
      List<ScoredFile> subset = entry.getValue();
      Map<String, ProfileScore> rows = new LinkedHashMap<>();
      for (CostProfile profile : profiles) {
        ThresholdScore detector = ThresholdOptimizer.optimize(subset, profile);
        ThresholdScore nullScore = ThresholdOptimizer.optimize(nullFiles(subset), profile);
        double atCorpus =
            ProfileScore.normalize(
                NabScorer.score(subset, profile, overall.get(profile.name()).threshold()).score(),
                NabScorer.score(
                        nullFiles(subset), profile, nullBest.get(profile.name()).threshold())
                    .score(),
                perfectScore(subset, profile));
        rows.put(profile.name(), toProfileScore(profile, subset, detector, nullScore, atCorpus));
      }
      categories.put(entry.getKey(), rows);
    }
    return new Result(overall, categories);
  }

  /** NAB's perfect raw score: the number of windows times the profile's TP weight. */
  public static double perfectScore(List<ScoredFile> files, CostProfile profile) {
    long windows = 0;
    for (ScoredFile file : files) {
      windows += file.windows().size();
    }
    return windows * profile.tpWeight();
  }

  /** The files as NAB's null detector scores them: every row {@link #NULL_SCORE}. */
  static List<ScoredFile> nullFiles(List<ScoredFile> files) {
    List<ScoredFile> nulls = new ArrayList<>(files.size());
    for (ScoredFile file : files) {
      nulls.add(file.withConstantScore(NULL_SCORE));
    }
    return nulls;
  }

  private static ProfileScore toProfileScore(
      CostProfile profile,
      List<ScoredFile> files,
      ThresholdScore detector,
      ThresholdScore nullScore,
      Double atCorpusThreshold) {
    double perfect = perfectScore(files, profile);
    double normalized = ProfileScore.normalize(detector.score(), nullScore.score(), perfect);
    return new ProfileScore(
        profile.name(),
        detector.threshold(),
        detector.score(),
        nullScore.score(),
        perfect,
        normalized,
        atCorpusThreshold == null ? normalized : atCorpusThreshold,
        detector.tp(),
        detector.tn(),
        detector.fp(),
        detector.fn());
  }
}
