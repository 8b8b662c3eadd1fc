package dev.stormwatch.feedback;

/** A dedup key the job's scored windows produce, and the (provider, service) it stands for. A Flink POJO. */
public class KeySeen {
  public String provider = "";
  public String service = "";
  public String dedupKey = "";

  public KeySeen() {}

  public KeySeen(String provider, String service, String dedupKey) {
    this.provider = provider;
    this.service = service;
    this.dedupKey = dedupKey;
  }
}
