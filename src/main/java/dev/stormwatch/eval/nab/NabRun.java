package dev.stormwatch.eval.nab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One detector's pass over the NAB corpus: its scored files, row count and wall time spent scoring.
 */
public record NabRun(String detector, List<ScoredFile> files, long records, long scoringNanos) {

  /** Rows scored per second of detector time (NaN when nothing was timed). */
  public double recordsPerSecond() {
    return scoringNanos <= 0 ? Double.NaN : records / (scoringNanos / 1e9);
  }

  /**
   * Runs a registered detector over every series (a fresh scorer per file, rows in order) and, when
   * {@code resultsRoot} is not null, writes NAB results files {@code
   * <root>/<detector>/<category>/<detector>_<file>.csv}.
   */
  public static NabRun execute(
      String detector, List<NabSeries> corpus, NabLabels labels, Path resultsRoot)
      throws IOException {
    List<ScoredFile> files = new ArrayList<>(corpus.size());
    long records = 0;
    long nanos = 0;
    for (NabSeries series : corpus) {
      List<LabelWindow> windows = labels.windowsOf(series.relativePath());
      StreamingScorer scorer =
          NabDetectors.create(
              detector, new SeriesContext(series.relativePath(), series.size(), windows));
      double[] scores = new double[series.size()];
      long start = System.nanoTime();
      for (int i = 0; i < scores.length; i++) {
        scores[i] = scorer.next(series.timesMillis()[i], series.values()[i]);
      }
      nanos += System.nanoTime() - start;
      checkScores(detector, series.relativePath(), scores);
      records += scores.length;
      files.add(new ScoredFile(series.relativePath(), series.timesMillis(), scores, windows));
      if (resultsRoot != null) {
        Path out =
            resultsRoot
                .resolve(detector)
                .resolve(series.category())
                .resolve(detector + "_" + series.fileName());
        NabCsv.writeResults(
            out, series, scores, NabLabels.rowLabels(series.timesMillis(), windows));
      }
    }
    return new NabRun(detector, files, records, nanos);
  }

  private static void checkScores(String detector, String file, double[] scores) {
    for (int i = 0; i < scores.length; i++) {
      if (!(scores[i] >= 0.0 && scores[i] <= 1.0)) {
        throw new IllegalStateException(
            detector
                + " gave anomaly score "
                + scores[i]
                + " at row "
                + i
                + " of "
                + file
                + "; NAB requires scores in [0, 1]");
      }
    }
  }
}
