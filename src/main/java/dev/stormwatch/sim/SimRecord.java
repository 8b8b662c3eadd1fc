package dev.stormwatch.sim;

/**
 * One generated line with its event time and the time it is delivered (later for late records).
 *
 * @param deliveryMillis when the record reaches the stream; output is ordered by it
 * @param timeMillis the record's event time
 * @param sequence generation order, the tie-breaker that keeps sorting deterministic
 * @param json the JSON line without newline
 */
public record SimRecord(long deliveryMillis, long timeMillis, long sequence, String json) {}
