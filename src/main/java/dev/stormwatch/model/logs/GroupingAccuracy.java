package dev.stormwatch.model.logs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LogPAI's grouping accuracy: the share of lines whose predicted cluster holds exactly the same
 * lines as their ground-truth group (a true group counts only when one predicted cluster equals it).
 */
public final class GroupingAccuracy {
  private GroupingAccuracy() {}

  /** Grouping accuracy of {@code predicted} cluster ids against {@code truth} group ids, line by line. */
  public static <P, T> double of(List<P> predicted, List<T> truth) {
    if (predicted.size() != truth.size()) {
      throw new IllegalArgumentException("predicted and truth differ in length");
    }
    if (truth.isEmpty()) {
      return 1.0;
    }
    Map<P, Integer> predictedSize = new HashMap<>();
    Map<T, Integer> truthSize = new HashMap<>();
    Map<T, P> truthToPredicted = new HashMap<>();
    Map<T, Boolean> truthInOneCluster = new HashMap<>();
    for (int i = 0; i < truth.size(); i++) {
      P p = predicted.get(i);
      T t = truth.get(i);
      predictedSize.merge(p, 1, Integer::sum);
      truthSize.merge(t, 1, Integer::sum);
      P first = truthToPredicted.putIfAbsent(t, p);
      if (first != null && !Objects.equals(first, p)) {
        truthInOneCluster.put(t, false);
      } else {
        truthInOneCluster.putIfAbsent(t, true);
      }
    }
    long correct = 0;
    for (Map.Entry<T, Integer> group : truthSize.entrySet()) {
      T t = group.getKey();
      boolean exact =
          truthInOneCluster.get(t)
              && predictedSize.get(truthToPredicted.get(t)).intValue() == group.getValue();
      if (exact) {
        correct += group.getValue();
      }
    }
    return (double) correct / truth.size();
  }
}
