package dev.stormwatch.alert.delivery;

/** The clock and sleeper the delivery clients wait with; tests inject a manual one. */
public interface DeliveryTime {
  long nowMillis();

  void sleep(long millis) throws InterruptedException;

  /** Wall-clock time and Thread.sleep. */
  DeliveryTime SYSTEM = new DeliveryTime() {
    @Override
    public long nowMillis() {
      return System.currentTimeMillis();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      if (millis > 0) {
        Thread.sleep(millis);
      }
    }
  };
}
