package dev.stormwatch.model.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A node of Drain's fixed-depth parse tree: children by key, and the clusters of a leaf. */
final class ParseTreeNode {
  final Map<String, ParseTreeNode> children = new HashMap<>(4);
  final List<LogCluster> clusters = new ArrayList<>(2);

  ParseTreeNode child(String key) {
    return children.get(key);
  }

  ParseTreeNode childOrCreate(String key) {
    return children.computeIfAbsent(key, k -> new ParseTreeNode());
  }

  boolean isEmpty() {
    return children.isEmpty() && clusters.isEmpty();
  }
}
