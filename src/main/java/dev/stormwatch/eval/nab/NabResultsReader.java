package dev.stormwatch.eval.nab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads NAB-format results ({@code <detector>/<category>/<detector>_<file>.csv} with an {@code
 * anomaly_score} column) from a results root or a single detector's folder, grouped by detector.
 */
public final class NabResultsReader {
  private NabResultsReader() {}

  /** Scored files per detector name found under the folder. */
  public static Map<String, List<ScoredFile>> read(Path dir, NabLabels labels) throws IOException {
    Map<String, List<ScoredFile>> byDetector = new TreeMap<>();
    for (Path csv : NabCsv.listCsv(dir)) {
      Path categoryDir = csv.getParent();
      Path detectorDir = categoryDir == null ? null : categoryDir.getParent();
      if (detectorDir == null || detectorDir.getFileName() == null) {
        continue;
      }
      String detector = detectorDir.getFileName().toString();
      String fileName = csv.getFileName().toString();
      String prefix = detector + "_";
      if (!fileName.startsWith(prefix)) {
        continue;
      }
      String relative = categoryDir.getFileName() + "/" + fileName.substring(prefix.length());
      if (!labels.has(relative)) {
        continue;
      }
      NabCsv.Table table = NabCsv.read(csv, "timestamp", "anomaly_score");
      byDetector
          .computeIfAbsent(detector, d -> new ArrayList<>())
          .add(new ScoredFile(relative, table.times, table.columns[0], labels.windowsOf(relative)));
    }
    return byDetector;
  }
}
