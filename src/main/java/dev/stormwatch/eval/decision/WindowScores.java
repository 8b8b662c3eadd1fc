package dev.stormwatch.eval.decision;

import dev.stormwatch.detect.DetectionResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Every window a detector scored in a decision run, one CSV row each ({@code evaluate.sh decision
 * --scores}): to see what a detector said about a fault it missed, not only whether it alerted.
 */
final class WindowScores {
  static final String HEADER = "window_end,provider,service,live,score,abstained,fallback,contributors";

  private WindowScores() {}

  /** The file of {@code detector} under {@code dir}: {@code scores-<detector>.csv}. */
  static Path file(Path dir, String detector) {
    return dir.resolve("scores-" + detector.replaceAll("[^A-Za-z0-9+_-]", "_") + ".csv");
  }

  /** Writes {@code results} in the order given. */
  static void write(Path file, List<DetectionResult> results) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (DetectionResult r : results) {
        w.write(String.format(Locale.ROOT, "%s,%s,%s,%b,%.6f,%b,%b,%s%n",
            Instant.ofEpochMilli(r.windowEnd), r.provider, r.service, r.live, r.score, r.abstained,
            r.fallback, String.join("|", r.contributorSignals)));
      }
    }
  }
}
