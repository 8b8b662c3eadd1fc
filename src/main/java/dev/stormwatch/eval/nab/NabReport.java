package dev.stormwatch.eval.nab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints NAB score tables and writes a detector's {@code <detector>_scores.json}. */
public final class NabReport {
  private NabReport() {}

  /** One evaluated detector: its name, size, speed (NaN when only results were read) and scores. */
  public record Entry(
      String detector,
      int files,
      long records,
      double recordsPerSecond,
      NabEvaluation.Result result) {}

  /** Overall table: one row per detector, one column per profile. */
  public static void printOverall(
      PrintStream out, List<Entry> entries, List<CostProfile> profiles) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-14s", "detector"));
    for (CostProfile profile : profiles) {
      header.append(String.format(Locale.ROOT, " %20s", profile.name()));
    }
    header.append(
        String.format(
            Locale.ROOT,
            " %10s %12s",
            "threshold",
            "records/s"));
    out.println(header);
    for (Entry entry : entries) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s", entry.detector()));
      for (CostProfile profile : profiles) {
        row.append(
            String.format(
                Locale.ROOT, " %20.2f", entry.result().overall().get(profile.name()).normalized()));
      }
      ProfileScore first = entry.result().overall().get(profiles.get(0).name());
      double speed = entry.recordsPerSecond();
      row.append(
          String.format(
              Locale.ROOT,
              " %10.4f %12s",
              first.threshold(),
              Double.isNaN(speed) ? "-" : String.format(Locale.ROOT, "%.0f", speed)));
      out.println(row);
    }
    out.println("(normalised NAB scores; threshold optimised for " + profiles.get(0).name() + ")");
  }

  /**
   * Per-category table: for each detector and category, every profile's normalised score with the
   * category's own optimised threshold and, in brackets, at the corpus threshold.
   */
  public static void printCategories(
      PrintStream out, List<Entry> entries, List<CostProfile> profiles) {
    for (Entry entry : entries) {
      out.println();
      StringBuilder header =
          new StringBuilder(String.format(Locale.ROOT, "%-24s", entry.detector() + " by category"));
      for (CostProfile profile : profiles) {
        header.append(String.format(Locale.ROOT, " %22s", profile.name()));
      }
      out.println(header);
      for (Map.Entry<String, Map<String, ProfileScore>> category :
          entry.result().categories().entrySet()) {
        StringBuilder row =
            new StringBuilder(String.format(Locale.ROOT, "%-24s", category.getKey()));
        for (CostProfile profile : profiles) {
          ProfileScore score = category.getValue().get(profile.name());
          row.append(
              String.format(
                  Locale.ROOT,
                  " %13s (%6s)",
                  fmt(score.normalized()),
                  fmt(score.normalizedAtCorpusThreshold())));
        }
        out.println(row);
      }
    }
    out.println(
        "(category score with its own optimised threshold; in brackets at the corpus threshold;"
            + " n/a: no windows)");
  }

  /** Writes {@code <outDir>/<detector>_scores.json}. */
  public static Path writeJson(Path outDir, Entry entry) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("detector", entry.detector());
    json.put("files", entry.files());
    json.put("records", entry.records());
    json.put("recordsPerSecond", entry.recordsPerSecond());
    json.put("probationaryPercent", NabScorer.PROBATIONARY_PERCENT);
    json.put("profiles", entry.result().overall());
    json.put("categories", entry.result().categories());
    Files.createDirectories(outDir);
    Path file = outDir.resolve(entry.detector() + "_scores.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    return file;
  }

  private static String fmt(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }
}
