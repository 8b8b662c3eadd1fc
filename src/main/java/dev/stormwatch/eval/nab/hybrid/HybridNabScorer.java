package dev.stormwatch.eval.nab.hybrid;

import dev.stormwatch.detect.DailyCycle;
import dev.stormwatch.detect.OnsetWeighting;
import dev.stormwatch.detect.SeriesWindows;
import dev.stormwatch.eval.nab.NabScorer;
import dev.stormwatch.eval.nab.SeriesContext;
import dev.stormwatch.eval.nab.StreamingScorer;
import dev.stormwatch.model.peers.PeerKind;
import dev.stormwatch.window.WindowAssembly;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code hybrid} detector on one NAB file: buffers the probationary rows (scored 0, as NAB
 * ignores them), then takes the series' step as the median gap between them, gives the baseline an
 * hour-of-day profile only if the probation repeats a daily cycle ({@link
 * HybridNabSettings#hourProfile}), replays the rows into baseline-annotated windows, trains a
 * per-file hybrid model on those windows ({@link ProbationTrainer}) and scores every following row
 * with the window ending at it; every {@code retrainEveryRows} scored rows a fresh model trained
 * the same way on the newest windows seen so far takes over (a row is always scored by a model
 * trained before it). The score is the model's calibrated probability, onset-weighted like the
 * baseline's series scorer: times (1 - the EWMA of the previous raw scores), so a lasting change
 * scores highest when it starts.
 */
public final class HybridNabScorer implements StreamingScorer {
  private final SeriesContext context;
  private final HybridNabSettings settings;
  private final PeerKind peer;
  private final PrintStream progress;
  private final int probation;
  private final long[] times;
  private final double[] values;
  private final OnsetWeighting onset;
  private int seen;
  private SeriesWindows windows;
  private ProbationTrainer.Trained trained;
  private long scoringStarted;
  private final List<WindowAssembly> seenWindows = new ArrayList<>();
  private int rowsSinceTraining;
  private int retrains;
  private double dailyCorrelation = Double.NaN;

  /** A scorer for the file of {@code context}; one progress line per file goes to {@code progress}. */
  public HybridNabScorer(SeriesContext context, HybridNabSettings settings, PrintStream progress) {
    this(context, settings, null, progress);
  }

  /** As above, training the comparison network {@code peer} instead when it is not null. */
  public HybridNabScorer(SeriesContext context, HybridNabSettings settings, PeerKind peer,
      PrintStream progress) {
    this.context = context;
    this.settings = settings;
    this.peer = peer;
    this.progress = progress;
    this.probation = Math.max(1, NabScorer.probationaryLength(context.rows()));
    this.times = new long[probation];
    this.values = new double[probation];
    this.onset = new OnsetWeighting(settings.onsetMemorySteps());
  }

  @Override
  public double next(long timeMillis, double value) {
    int row = seen++;
    double score = 0.0;
    if (row < probation) {
      times[row] = timeMillis;
      values[row] = value;
      if (row == probation - 1) {
        trainOnProbation();
      }
    } else if (trained != null) {
      WindowAssembly w = windows.next(timeMillis, value);
      score = score(w);
      if (w != null && settings.retrainEveryRows() > 0) {
        seenWindows.add(w);
      }
      maybeRetrain();
    }
    if (seen == context.rows()) {
      finish();
    }
    return score;
  }

  private void trainOnProbation() {
    long step = medianGap();
    dailyCorrelation = DailyCycle.alternateDayCorrelation(times, values, probation);
    windows = new SeriesWindows(
        settings.baselineConfig(step, settings.hourProfile(dailyCorrelation)));
    List<WindowAssembly> replayed = new ArrayList<>(probation);
    for (int i = 0; i < probation; i++) {
      WindowAssembly w = windows.next(times[i], values[i]);
      if (w != null) {
        replayed.add(w);
      }
    }
    trained = ProbationTrainer.train(replayed, step, settings, peer);
    if (settings.retrainEveryRows() > 0) {
      seenWindows.addAll(replayed);
    }
    scoringStarted = System.nanoTime();
  }

  /** Every {@code retrainEveryRows} scored rows, a model trained on the newest windows takes over. */
  private void maybeRetrain() {
    if (settings.retrainEveryRows() == 0 || ++rowsSinceTraining < settings.retrainEveryRows()) {
      return;
    }
    rowsSinceTraining = 0;
    int from = Math.max(0, seenWindows.size() - settings.retrainWindows());
    ProbationTrainer.Trained next = ProbationTrainer.train(
        new ArrayList<>(seenWindows.subList(from, seenWindows.size())), windows.stepMillis(),
        settings, peer);
    if (next != null) {
      trained.detector().close();
      trained = next;
      retrains++;
    }
    seenWindows.subList(0, from).clear();
  }

  private double score(WindowAssembly w) {
    if (w == null) {
      return 0.0;
    }
    double weighted = onset.next(trained.detector().score(w).score);
    return Math.max(0.0, Math.min(1.0, weighted));
  }

  /** The median gap between the probationary rows, at least one second. */
  private long medianGap() {
    return probation < 2 ? 60_000L : SeriesWindows.medianStep(times, probation);
  }

  /** Whether the baseline has an hour-of-day profile, and why. */
  private String profileNote() {
    String on = (settings.hourProfile(dailyCorrelation) ? "" : "no ") + "hour-of-day profile";
    return Double.isNaN(dailyCorrelation) ? on + " (under two days to tell)"
        : String.format(Locale.ROOT, "%s (alternate days r=%.2f)", on, dailyCorrelation);
  }

  private String name() {
    return peer == null ? "hybrid" : peer.id() + "-peer";
  }

  private void finish() {
    if (trained == null) {
      progress.printf(Locale.ROOT, "%s %s: %d rows, probation %d: too few examples to train;"
          + " scored 0%n", name(), context.relativePath(), context.rows(), probation);
      return;
    }
    trained.detector().close();
    progress.printf(Locale.ROOT, "%s %s: %d rows, step %d s, %s, %s %d windows (%d examples, %d"
        + " injected, %d benign, holdout AUC %.3f) in %.1f s, scored %d rows in %.1f s%n",
        name(), context.relativePath(), context.rows(), windows.stepMillis() / 1000, profileNote(),
        retrains == 0 ? "trained on" : "retrained " + retrains + " times, last on",
        trained.windows(), trained.examples(), trained.injected(), trained.benign(),
        trained.holdoutAuc(), trained.seconds(), context.rows() - probation,
        (System.nanoTime() - scoringStarted) / 1e9);
  }
}
