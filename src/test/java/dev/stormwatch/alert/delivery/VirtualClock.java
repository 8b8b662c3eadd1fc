package dev.stormwatch.alert.delivery;

import dev.stormwatch.event.DeadLetter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Drives a {@link DeliveryDispatcher} in virtual time: ticks every {@code stepMillis} of virtual
 * time, but never advances the clock while a real HTTP request is in flight, so backoffs and rate
 * limits of minutes play out in a moment while the requests themselves are real.
 */
final class VirtualClock {
  private volatile long now;
  final List<DeadLetter> dead = new CopyOnWriteArrayList<>();

  VirtualClock(long startMillis) {
    now = startMillis;
  }

  long now() {
    return now;
  }

  void advance(long millis) {
    now += millis;
  }

  /** Ticks until {@code done} holds or {@code virtualMillis} pass; returns whether it holds. */
  boolean runUntil(DeliveryDispatcher d, long stepMillis, long virtualMillis, BooleanSupplier done)
      throws InterruptedException {
    long end = now + virtualMillis;
    long wallEnd = System.currentTimeMillis() + 60_000;
    while (!done.getAsBoolean() && now < end && System.currentTimeMillis() < wallEnd) {
      d.tick(now, dead::add);
      if (d.awaitingResponse()) {
        while (d.awaitingResponse() && System.currentTimeMillis() < wallEnd) {
          Thread.sleep(1);
        }
      } else {
        now += stepMillis;
      }
    }
    d.tick(now, dead::add);
    return done.getAsBoolean();
  }

  /** Ticks for exactly {@code virtualMillis}. */
  void run(DeliveryDispatcher d, long stepMillis, long virtualMillis) throws InterruptedException {
    runUntil(d, stepMillis, virtualMillis, () -> false);
  }
}
