package dev.stormwatch.alert.delivery;

import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The pending notifications of one endpoint, oldest first, with at most one request in flight
 * (which covers the first {@link #inFlightCount} of them): so they reach the endpoint in order and
 * a resolve never overtakes its trigger. Touched only by the operator's task thread.
 */
final class EndpointQueue {
  final String name;
  final int batchLimit;
  final LinkedList<Notification> items = new LinkedList<>();
  CompletableFuture<Attempt> inFlight;
  int inFlightCount;
  /** No request before this time (backoff, Retry-After, rate limit). */
  long notBefore = Long.MIN_VALUE;
  /** Consecutive retryable failures of the head. */
  int failures;
  String lastFailure = "";

  EndpointQueue(String name, int batchLimit) {
    this.name = name;
    this.batchLimit = batchLimit;
  }

  boolean busy() {
    return inFlight != null;
  }

  boolean idle() {
    return inFlight == null && items.isEmpty();
  }

  /** The next batch to send (the head, or for a batching endpoint up to batchLimit items). */
  List<Notification> nextBatch() {
    return List.copyOf(items.subList(0, Math.min(items.size(), batchLimit)));
  }

  /** Removes and returns the items the finished request covered. */
  List<Notification> takeInFlight() {
    List<Notification> done = List.copyOf(items.subList(0, inFlightCount));
    items.subList(0, inFlightCount).clear();
    inFlight = null;
    inFlightCount = 0;
    return done;
  }

  /** Removes the oldest item not in flight (null if all are), to make room. */
  Notification evictOldest() {
    return items.size() > inFlightCount ? items.remove(inFlightCount) : null;
  }

  boolean holdsKey(String dedupKey) {
    return items.stream().anyMatch(n -> n.dedupKey().equals(dedupKey));
  }
}
