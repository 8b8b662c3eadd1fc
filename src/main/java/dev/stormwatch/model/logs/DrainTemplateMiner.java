package dev.stormwatch.model.logs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Online log template mining in the style of Drain (He et al., ICWS 2017): each line is masked
 * ({@link LogMasker}), routed through a fixed-depth parse tree keyed by token count and the first
 * tokens (tokens with digits go to the {@code <*>} branch, as do new tokens once a node is full),
 * and joins the most similar cluster of that leaf when the share of equal tokens reaches the
 * threshold; the cluster's template then turns the differing tokens into {@code <*>}. At most
 * {@link DrainConfig#maxClusters()} clusters are kept: the least recently matched one is evicted
 * (and its empty tree branch pruned), so the state is bounded.
 *
 * <p>State for Flink: not a POJO; {@link #toBytes()} writes a compact snapshot (config, clusters in
 * LRU order with id, count, template and tree path, counters) and {@link #fromBytes(byte[])}
 * restores an equal miner, so keep it in a {@code ValueState<byte[]>} or {@code ListState<byte[]>}.
 * Not thread-safe: one instance per operator subtask or key.
 */
public final class DrainTemplateMiner {
  private final DrainConfig config;
  private final ParseTreeNode root = new ParseTreeNode();
  private final LinkedHashMap<Long, LogCluster> clusters = new LinkedHashMap<>(64, 0.75f, true);
  private final HashMap<Long, LogCluster> byId = new HashMap<>();
  private final int[] params = new int[1];
  private long lines;
  private long evictions;

  public DrainTemplateMiner() {
    this(DrainConfig.DEFAULTS);
  }

  public DrainTemplateMiner(DrainConfig config) {
    this.config = config;
  }

  /** Mines one line: joins (and maybe generalises) the best cluster or starts a new one. */
  public MineResult add(String line) {
    List<String> tokens = LogMasker.tokens(line, config.maxTokens());
    lines++;
    ParseTreeNode leaf = findLeaf(tokens);
    LogCluster best = leaf == null ? null : mostSimilar(leaf.clusters, tokens);
    if (best == null) {
      LogCluster created = create(tokens);
      return new MineResult(created.id(), created.template(), 1, MineResult.Change.CREATED);
    }
    best.increment();
    clusters.get(best.id());
    boolean changed = best.generalise(tokens);
    MineResult.Change change = changed ? MineResult.Change.GENERALISED : MineResult.Change.NONE;
    return new MineResult(best.id(), best.template(), best.count(), change);
  }

  /**
   * The most specific cluster whose template covers the line (every non-wildcard token equal),
   * without learning from it; null when none does.
   */
  public LogCluster match(String line) {
    List<String> tokens = LogMasker.tokens(line, config.maxTokens());
    ParseTreeNode leaf = findLeaf(tokens);
    if (leaf == null) {
      return null;
    }
    LogCluster best = null;
    int fewestParams = Integer.MAX_VALUE;
    for (LogCluster c : leaf.clusters) {
      int wildcards = c.wildcards();
      if (wildcards < fewestParams && c.covers(tokens)) {
        best = c;
        fewestParams = wildcards;
      }
    }
    return best;
  }

  /** The cluster with this id, or null (evicted or never seen); does not count as a use. */
  public LogCluster cluster(long id) {
    return byId.get(id);
  }

  /** The live clusters, least recently used first. */
  public Collection<LogCluster> clusters() {
    return Collections.unmodifiableCollection(new ArrayList<>(clusters.values()));
  }

  public int clusterCount() {
    return clusters.size();
  }

  /** Lines mined so far. */
  public long lines() {
    return lines;
  }

  /** Clusters evicted so far to respect {@link DrainConfig#maxClusters()}. */
  public long evictions() {
    return evictions;
  }

  public DrainConfig config() {
    return config;
  }

  /** A compact snapshot of the whole state; see {@link #fromBytes(byte[])}. */
  public byte[] toBytes() {
    return DrainSnapshot.write(this);
  }

  /** Restores a miner from {@link #toBytes()}. */
  public static DrainTemplateMiner fromBytes(byte[] snapshot) {
    return DrainSnapshot.read(snapshot);
  }

  void restoreCounters(long restoredLines, long restoredEvictions) {
    this.lines = restoredLines;
    this.evictions = restoredEvictions;
  }

  /** Re-inserts a cluster at its recorded tree path (snapshot restore); most recent last. */
  void restore(LogCluster cluster) {
    ParseTreeNode node = root;
    for (String key : cluster.treePath()) {
      node = node.childOrCreate(key);
    }
    node.clusters.add(cluster);
    clusters.put(cluster.id(), cluster);
    byId.put(cluster.id(), cluster);
  }

  private ParseTreeNode findLeaf(List<String> tokens) {
    ParseTreeNode node = root.child(lengthKey(tokens.size()));
    int layers = Math.min(config.prefixLayers(), tokens.size());
    for (int i = 0; node != null && i < layers; i++) {
      ParseTreeNode next = node.child(tokens.get(i));
      node = next != null ? next : node.child(LogCluster.WILDCARD);
    }
    return node;
  }

  private LogCluster mostSimilar(List<LogCluster> candidates, List<String> tokens) {
    LogCluster best = null;
    double bestSim = -1;
    int bestParams = -1;
    for (LogCluster c : candidates) {
      double sim = c.similarity(tokens, params);
      if (sim > bestSim || (sim == bestSim && params[0] > bestParams)) {
        best = c;
        bestSim = sim;
        bestParams = params[0];
      }
    }
    return bestSim >= config.similarityThreshold() ? best : null;
  }

  private LogCluster create(List<String> tokens) {
    int layers = Math.min(config.prefixLayers(), tokens.size());
    String[] path = new String[1 + layers];
    path[0] = lengthKey(tokens.size());
    ParseTreeNode node = root.childOrCreate(path[0]);
    for (int i = 0; i < layers; i++) {
      String key = childKey(node, tokens.get(i));
      path[i + 1] = key;
      node = node.childOrCreate(key);
    }
    String[] templateTokens = tokens.toArray(new String[0]);
    long id = uniqueId(String.join(" ", templateTokens));
    LogCluster cluster = new LogCluster(id, templateTokens, path, 1);
    node.clusters.add(cluster);
    clusters.put(id, cluster);
    byId.put(id, cluster);
    if (clusters.size() > config.maxClusters()) {
      evictLeastRecentlyUsed();
    }
    return cluster;
  }

  /** Drain's rule for the branch a new cluster's prefix token takes. */
  private String childKey(ParseTreeNode node, String token) {
    if (node.children.containsKey(token)) {
      return token;
    }
    if (LogCluster.isVariable(token)) {
      return LogCluster.WILDCARD;
    }
    int size = node.children.size();
    if (node.children.containsKey(LogCluster.WILDCARD)) {
      return size < config.maxChildren() ? token : LogCluster.WILDCARD;
    }
    return size + 1 < config.maxChildren() ? token : LogCluster.WILDCARD;
  }

  private void evictLeastRecentlyUsed() {
    Iterator<LogCluster> eldest = clusters.values().iterator();
    LogCluster victim = eldest.next();
    eldest.remove();
    byId.remove(victim.id());
    evictions++;
    String[] path = victim.treePath();
    ParseTreeNode[] nodes = new ParseTreeNode[path.length + 1];
    nodes[0] = root;
    for (int k = 0; k < path.length; k++) {
      nodes[k + 1] = nodes[k].child(path[k]);
    }
    nodes[path.length].clusters.remove(victim);
    for (int k = path.length; k >= 1 && nodes[k].isEmpty(); k--) {
      nodes[k - 1].children.remove(path[k - 1]);
    }
  }

  /** FNV-1a 64 of the first template; a live clash is re-mixed until free (deterministic). */
  private long uniqueId(String template) {
    long h = TemplateIds.of(template);
    while (byId.containsKey(h)) {
      h = mix(h + 0x9E3779B97F4A7C15L);
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static String lengthKey(int tokenCount) {
    return Integer.toString(tokenCount);
  }

}
