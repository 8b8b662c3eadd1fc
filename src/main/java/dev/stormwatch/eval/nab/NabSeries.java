package dev.stormwatch.eval.nab;

/**
 * One NAB data file: its path relative to the data root ({@code
 * realTweets/Twitter_volume_AAPL.csv}), the raw timestamp strings (kept for writing results), their
 * epoch milliseconds and the values.
 */
public record NabSeries(
    String relativePath, String[] timestamps, long[] timesMillis, double[] values) {

  /** The category (parent folder name). */
  public String category() {
    int slash = relativePath.lastIndexOf('/');
    return slash < 0 ? "" : relativePath.substring(0, slash);
  }

  /** The file name ({@code Twitter_volume_AAPL.csv}). */
  public String fileName() {
    return relativePath.substring(relativePath.lastIndexOf('/') + 1);
  }

  /** Number of rows. */
  public int size() {
    return values.length;
  }
}
