package dev.stormwatch.feedback;

/** One parsed feedback record, before its dedup key is resolved; keeps its raw text for dead letters. */
public class Feedback {
  public String dedupKey = "";
  public String verdict = "";
  public long timeMillis;
  public String raw = "";
  public String origin = "";

  public Feedback() {}

  public Feedback(String dedupKey, String verdict, long timeMillis, String raw, String origin) {
    this.dedupKey = dedupKey;
    this.verdict = verdict;
    this.timeMillis = timeMillis;
    this.raw = raw;
    this.origin = origin;
  }
}
