package dev.stormwatch.eval.nab;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Leave-one-category-out choice among NAB detectors, for settings chosen on NAB itself: for each
 * category in turn, the detector and threshold that score best on the other categories are scored
 * on it. The held-out scores add up to a corpus score normalised as NAB does (the null detector at
 * its own corpus threshold), an estimate of what choosing among these detectors gives on files
 * the choice never saw.
 */
public final class NabCrossValidation {
  private NabCrossValidation() {}

  /** One held-out category: the detector and threshold chosen without it, and its raw score. */
  public record Fold(String category, String detector, double threshold, double rawScore,
      long windows) {}

  /** All folds, and their raw scores summed and normalised. */
  public record Result(String profile, List<Fold> folds, double rawScore, double nullScore,
      double perfectScore, double normalized) {}

  /**
   * @param runs each candidate detector's scored files, all over the same files
   */
  public static Result evaluate(Map<String, List<ScoredFile>> runs, CostProfile profile) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("cross-validation needs at least one detector");
    }
    List<ScoredFile> any = runs.values().iterator().next();
    TreeSet<String> categories = new TreeSet<>();
    any.forEach(f -> categories.add(f.category()));
    if (categories.size() < 2) {
      throw new IllegalArgumentException("cross-validation needs at least two categories");
    }
    List<Fold> folds = new ArrayList<>();
    double total = 0;
    for (String category : categories) {
      String chosen = null;
      ThresholdScore best = null;
      for (Map.Entry<String, List<ScoredFile>> run : runs.entrySet()) {
        ThresholdScore candidate =
            ThresholdOptimizer.optimize(outside(run.getValue(), category), profile);
        if (best == null || candidate.score() > best.score()) {
          best = candidate;
          chosen = run.getKey();
        }
      }
      List<ScoredFile> heldOut = inside(runs.get(chosen), category);
      double raw = NabScorer.score(heldOut, profile, best.threshold()).score();
      long windows = heldOut.stream().mapToLong(f -> f.windows().size()).sum();
      folds.add(new Fold(category, chosen, best.threshold(), raw, windows));
      total += raw;
    }
    double nullScore =
        ThresholdOptimizer.optimize(NabEvaluation.nullFiles(any), profile).score();
    double perfect = NabEvaluation.perfectScore(any, profile);
    return new Result(profile.name(), folds, total, nullScore, perfect,
        ProfileScore.normalize(total, nullScore, perfect));
  }

  /** Prints the folds and the cross-validated score. */
  public static void print(PrintStream out, Result result, int candidates) {
    out.printf(Locale.ROOT, "%nLeave-one-category-out choice among %d detectors (%s profile):%n",
        candidates, result.profile());
    out.printf(Locale.ROOT, "%-24s %-36s %10s %10s%n", "held out", "chosen on the others",
        "threshold", "raw score");
    for (Fold fold : result.folds()) {
      out.printf(Locale.ROOT, "%-24s %-36s %10.4f %10.2f  (%d windows)%n", fold.category(),
          fold.detector(), fold.threshold(), fold.rawScore(), fold.windows());
    }
    out.printf(Locale.ROOT, "cross-validated %s score %.2f%n", result.profile(),
        result.normalized());
  }

  private static List<ScoredFile> outside(List<ScoredFile> files, String category) {
    return files.stream().filter(f -> !f.category().equals(category)).toList();
  }

  private static List<ScoredFile> inside(List<ScoredFile> files, String category) {
    return files.stream().filter(f -> f.category().equals(category)).toList();
  }
}
