package dev.stormwatch.eval.nab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads NAB data files and writes/reads NAB-format results files (plain comma-separated, header
 * row).
 */
public final class NabCsv {
  private NabCsv() {}

  /** Every CSV under a data root (recursively), sorted by relative path. */
  public static List<NabSeries> readDataDir(Path root) throws IOException {
    List<Path> csvs = listCsv(root);
    List<NabSeries> series = new ArrayList<>(csvs.size());
    for (Path csv : csvs) {
      String relative = root.relativize(csv).toString().replace('\\', '/');
      Table table = read(csv, "timestamp", "value");
      series.add(new NabSeries(relative, table.timestamps, table.times, table.columns[0]));
    }
    return series;
  }

  /** The sorted CSV files under a folder, skipping NAB score summaries ({@code *_scores.csv}). */
  public static List<Path> listCsv(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".csv"))
          .filter(p -> !p.getFileName().toString().endsWith("_scores.csv"))
          .sorted()
          .toList();
    }
  }

  /** Timestamps and named numeric columns of a CSV with a header row. */
  public static Table read(Path csv, String timeColumn, String... valueColumns) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(csv + ": empty file");
    }
    List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::trim).toList();
    int timeIndex = indexOf(csv, header, timeColumn);
    int[] indexes = new int[valueColumns.length];
    for (int c = 0; c < valueColumns.length; c++) {
      indexes[c] = indexOf(csv, header, valueColumns[c]);
    }
    List<String> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
    Table table = new Table(rows.size(), valueColumns.length);
    for (int r = 0; r < rows.size(); r++) {
      String[] cells = rows.get(r).split(",", -1);
      table.timestamps[r] = cells[timeIndex].trim();
      table.times[r] = NabTime.parseMillis(table.timestamps[r]);
      for (int c = 0; c < indexes.length; c++) {
        table.columns[c][r] = Double.parseDouble(cells[indexes[c]].trim());
      }
    }
    return table;
  }

  /** Writes {@code timestamp,value,anomaly_score,label} rows of one file. */
  public static void writeResults(Path file, NabSeries series, double[] scores, int[] labels)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("timestamp,value,anomaly_score,label\n");
      for (int i = 0; i < series.size(); i++) {
        out.write(series.timestamps()[i]);
        out.write(',');
        out.write(formatNumber(series.values()[i]));
        out.write(',');
        out.write(Double.toString(scores[i]));
        out.write(',');
        out.write(Integer.toString(labels[i]));
        out.write('\n');
      }
    }
  }

  private static String formatNumber(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private static int indexOf(Path csv, List<String> header, String column) throws IOException {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new IOException(csv + ": no column '" + column + "' in header " + header);
    }
    return index;
  }

  /** Parsed columns of a CSV. */
  public static final class Table {
    public final String[] timestamps;
    public final long[] times;
    public final double[][] columns;

    Table(int rows, int valueColumns) {
      timestamps = new String[rows];
      times = new long[rows];
      columns = new double[valueColumns][rows];
    }
  }
}
