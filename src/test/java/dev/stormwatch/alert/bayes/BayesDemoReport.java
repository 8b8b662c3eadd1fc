package dev.stormwatch.alert.bayes;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.BaselineDetector;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.OfflineDetection;
import dev.stormwatch.eval.Label;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.source.ParseResult;
import dev.stormwatch.source.RecordParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Measurement harness (not a test): replays the bundled demo through the baseline detector, learns
 * each key's score likelihood from its history windows, and compares the calibration of the raw
 * score and the posterior on the live windows (a window is positive when it overlaps an incident).
 * Windows up to 06:00 of the live day are the fitting period (normal density from quiet windows,
 * a pooled incident density from incident windows); windows after it are evaluated. Also counts
 * false-alarm episodes, optionally with simulated operator {@code false_positive} feedback.
 * Argument: the demo directory (default datasets/demo).
 */
public final class BayesDemoReport {
  private static final long WINDOW = 600_000L;
  private static final double RAW_THRESHOLD = 0.7;

  private BayesDemoReport() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "datasets/demo");
    List<TelemetryEvent> events = new ArrayList<>();
    read(dir.resolve("history.jsonl.gz"), events);
    read(dir.resolve("live.jsonl.gz"), events);
    long liveStart = Instant.parse("2026-03-03T00:00:00Z").toEpochMilli();
    List<Label> incidents = Label.read(dir.resolve("incidents.json"));
    List<Label> benign = Label.read(dir.resolve("benign.json"));
    BaselineConfig cfg = BaselineConfig.defaults();
    List<DetectionResult> results = OfflineDetection.run(events, cfg, new BaselineDetector(cfg));
    results.sort((a, b) -> Long.compare(a.windowEnd, b.windowEnd));
    System.out.printf("%d events, %d windows%n", events.size(), results.size());
    long split = Instant.parse("2026-03-03T06:00:00Z").toEpochMilli();
    ScoreLikelihood pooled = new ScoreLikelihood();
    for (DetectionResult r : results) {
      if (r.windowEnd > liveStart && r.windowEnd <= split && overlapping(incidents, r) != null) {
        pooled.addIncident(r.score, 1);
      }
    }
    System.out.println("incident density fitted on 00:00-06:00: " + pooled);
    for (double ess : new double[] {20, 200}) {
      evaluate(results, split, incidents, benign, false, ess, null);
      evaluate(results, split, incidents, benign, false, ess, pooled);
    }
    evaluate(results, split, incidents, benign, true, 200, pooled);
  }

  private static void evaluate(List<DetectionResult> results, long liveStart, List<Label> incidents,
      List<Label> benign, boolean feedback, double ess, ScoreLikelihood pooled) {
    int downgraded = 0;
    PosteriorCalculator calc = PosteriorCalculator.defaults();
    BetaPrior provider = BetaPrior.withMean(0.02, 200);
    Map<String, KeyBelief> beliefs = new HashMap<>();
    Map<String, double[]> openRun = new HashMap<>();
    List<Double> scores = new ArrayList<>();
    List<Double> posteriors = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    int falseEpisodes = 0;
    int benignEpisodes = 0;
    int alertWindows = 0;
    java.util.Set<String> detected = new java.util.TreeSet<>();
    java.util.Set<String> rawDetected = new java.util.TreeSet<>();
    java.util.Set<String> inPeriod = new java.util.TreeSet<>();
    Map<String, Boolean> rawRun = new HashMap<>();
    int rawFalseEpisodes = 0;
    for (DetectionResult r : results) {
      KeyBelief b = beliefs.computeIfAbsent(r.key(), k -> KeyBelief.forNewKey(provider, ess));
      if (pooled != null && b.likelihood.incidentTotal == 0) {
        b.likelihood.adoptIncidentCounts(pooled);
      }
      if (r.windowEnd <= liveStart) {
        if (overlapping(incidents, r) == null) {
          b.observeWarmup(r.score);
        }
        continue;
      }
      Label incident = overlapping(incidents, r);
      PosteriorResult p = b.evaluate(calc, r.score, 0, r.windowEnd);
      scores.add(r.score);
      posteriors.add(p.posterior());
      labels.add(incident != null);
      if (incident != null) {
        inPeriod.add(incident.id());
      }
      if (r.score >= RAW_THRESHOLD) {
        rawRun.merge(r.key(), incident != null, Boolean::logicalOr);
        if (incident != null) {
          rawDetected.add(incident.id());
        }
      } else if (rawRun.containsKey(r.key())) {
        rawFalseEpisodes += rawRun.remove(r.key()) ? 0 : 1;
      }
      boolean alerting = p.posterior() >= 0.5;
      downgraded += p.level().equals(PosteriorResult.INFO) ? 1 : 0;
      double[] run = openRun.get(r.key());
      if (alerting) {
        alertWindows++;
        if (run == null) {
          openRun.put(r.key(), new double[] {r.score, 1, incident != null ? 1 : 0, overlapping(benign, r) != null ? 1 : 0});
        } else {
          run[0] = Math.max(run[0], r.score);
          run[1]++;
          run[2] = Math.max(run[2], incident != null ? 1 : 0);
        }
        if (incident != null) {
          detected.add(incident.id());
        }
      } else if (run != null) {
        openRun.remove(r.key());
        if (run[2] == 0) {
          falseEpisodes++;
          benignEpisodes += (int) run[3];
          if (feedback) {
            b.feedback(BetaPrior.FALSE_POSITIVE, run[0], (int) run[1], r.windowEnd, 14 * 86_400_000L);
          }
        }
      }
    }
    double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
    double[] q = posteriors.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] y = new boolean[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    System.out.printf(Locale.ROOT, "%nESS %.0f, incident density %s, feedback %s: %d windows after 06:00,"
        + " %d positive, %d downgraded to info%n", ess, pooled == null ? "default Beta(5,1)" : "fitted", feedback,
        y.length, labels.stream().filter(x -> x).count(), downgraded);
    System.out.printf(Locale.ROOT, "  raw score: Brier %.4f  ECE %.4f%n", Calibration.brier(s, y),
        Calibration.expectedCalibrationError(s, y));
    System.out.printf(Locale.ROOT, "  posterior: Brier %.4f  ECE %.4f%n", Calibration.brier(q, y),
        Calibration.expectedCalibrationError(q, y));
    System.out.printf(Locale.ROOT, "  posterior >= 0.5: %d windows, incidents touched %d, false episodes %d"
        + " (on benign look-alikes %d)%n", alertWindows, detected.size(), falseEpisodes,
        benignEpisodes);
    System.out.printf(Locale.ROOT, "  raw score >= %.1f: incidents touched %d of %d in the period, false episodes %d%n",
        RAW_THRESHOLD, rawDetected.size(), inPeriod.size(), rawFalseEpisodes);
    for (Calibration.Bin bin : Calibration.reliability(q, y, 10)) {
      System.out.printf(Locale.ROOT, "    [%.1f,%.1f) n=%5d mean=%.3f observed=%.3f%n", bin.lower(), bin.upper(),
          bin.count(), bin.meanPredicted(), bin.observedRate());
    }
  }

  private static Label overlapping(List<Label> labels, DetectionResult r) {
    for (Label l : labels) {
      if (l.provider().equals(r.provider) && l.service().equals(r.service)
          && r.windowEnd > l.start().toEpochMilli() && r.windowEnd - WINDOW < l.end().toEpochMilli()) {
        return l;
      }
    }
    return null;
  }

  private static void read(Path file, List<TelemetryEvent> out) throws IOException {
    RecordParser parser = new RecordParser();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        ParseResult p = parser.parse(line, file.getFileName().toString());
        if (p.isEvent()) {
          out.add(p.event());
        }
      }
    }
  }
}
