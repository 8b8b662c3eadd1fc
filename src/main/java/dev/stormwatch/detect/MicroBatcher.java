package dev.stormwatch.detect;

import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Collects windows from many keys into batches (up to a size, or after a short delay) and scores
 * each batch with one {@link Detector} on one worker thread: the detector is never shared between
 * threads and is closed with the batcher.
 */
public final class MicroBatcher implements AutoCloseable {
  private final Detector detector;
  private final int maxBatch;
  private final long maxDelayNanos;
  private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Thread worker;
  private volatile boolean running = true;

  private record Request(WindowAssembly window, CompletableFuture<DetectionResult> result) {}

  public MicroBatcher(Detector detector, int maxBatch, long maxDelayMillis, String threadName) {
    this.detector = detector;
    this.maxBatch = maxBatch;
    this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
    this.worker = new Thread(this::run, threadName);
    this.worker.setDaemon(true);
    this.worker.start();
  }

  /** Queues a window; the future completes when its batch has been scored. */
  public CompletableFuture<DetectionResult> submit(WindowAssembly window) {
    CompletableFuture<DetectionResult> f = new CompletableFuture<>();
    if (!running) {
      f.completeExceptionally(new IllegalStateException("detector closed"));
      return f;
    }
    queue.add(new Request(window, f));
    return f;
  }

  private void run() {
    List<Request> batch = new ArrayList<>(maxBatch);
    while (running) {
      try {
        Request first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        long deadline = System.nanoTime() + maxDelayNanos;
        while (batch.size() < maxBatch) {
          long wait = deadline - System.nanoTime();
          Request next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        score(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
    Request r;
    while ((r = queue.poll()) != null) {
      r.result.completeExceptionally(new IllegalStateException("detector closed"));
    }
  }

  private void score(List<Request> batch) {
    List<WindowAssembly> windows = new ArrayList<>(batch.size());
    for (Request r : batch) {
      windows.add(r.window);
    }
    try {
      List<DetectionResult> results = detector.scoreAll(windows);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result.complete(results.get(i));
      }
    } catch (RuntimeException e) {
      for (Request r : batch) {
        r.result.completeExceptionally(e);
      }
    }
  }

  @Override
  public void close() throws Exception {
    running = false;
    worker.interrupt();
    worker.join(5_000);
    detector.close();
  }
}
