package dev.stormwatch.alert.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A test clock that only moves when something sleeps on it, recording each sleep. */
final class ManualTime implements DeliveryTime {
  private final AtomicLong now;
  final List<Long> sleeps = new CopyOnWriteArrayList<>();

  ManualTime(long startMillis) {
    now = new AtomicLong(startMillis);
  }

  @Override
  public long nowMillis() {
    return now.get();
  }

  @Override
  public void sleep(long millis) {
    if (millis > 0) {
      sleeps.add(millis);
      now.addAndGet(millis);
    }
  }

  long sleptTotal() {
    return sleeps.stream().mapToLong(Long::longValue).sum();
  }
}
