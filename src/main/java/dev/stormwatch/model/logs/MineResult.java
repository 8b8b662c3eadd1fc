package dev.stormwatch.model.logs;

/** What {@link DrainTemplateMiner#add} did with one line: the cluster it joined and how. */
public record MineResult(long clusterId, String template, long count, Change change) {

  /** How the line changed the miner's state. */
  public enum Change {
    /** The line started a new cluster. */
    CREATED,
    /** The line joined a cluster and turned some of its template tokens into wildcards. */
    GENERALISED,
    /** The line joined a cluster whose template already covered it. */
    NONE
  }
}
