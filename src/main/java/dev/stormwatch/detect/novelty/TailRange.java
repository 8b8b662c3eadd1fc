package dev.stormwatch.detect.novelty;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A robust value range of a series so far: the spread between its {@code tail} and {@code 1 -
 * tail} quantiles, so that a few spikes do not set the scale every later value is judged on.
 *
 * <p>It keeps only the {@code capacity} smallest and largest values seen, in sorted arrays, which
 * makes the quantiles exact while {@code tail * count < capacity} (with the default 256 and a tail
 * of 0.005, for 51,200 values) and bounds memory afterwards, when it reads the {@code capacity}-th
 * smallest and largest values instead.
 */
public final class TailRange {
  /** Values kept at each end by default. */
  public static final int DEFAULT_CAPACITY = 256;

  private final double tail;
  private final int capacity;
  private final double[] smallest;
  private final double[] largest;
  private int smallCount;
  private int largeCount;
  private long count;

  public TailRange(double tail, int capacity) {
    if (!(tail >= 0.0 && tail < 0.5)) {
      throw new IllegalArgumentException("tail must be in [0, 0.5), got " + tail);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.tail = tail;
    this.capacity = capacity;
    this.smallest = new double[capacity];
    this.largest = new double[capacity];
  }

  /** Adds a finite value. */
  public void add(double value) {
    count++;
    smallCount = insertAscending(smallest, smallCount, value);
    largeCount = insertAscending(largest, largeCount, -value);
  }

  /** Values added. */
  public long count() {
    return count;
  }

  /**
   * The spread between the tail quantiles of the values so far, or between the minimum and maximum
   * where that spread is 0; 0 only while every value is the same.
   */
  public double spread() {
    if (count == 0) {
      return 0.0;
    }
    long last = count - 1;
    long fromBottom = (long) (tail * last);
    long fromTop = last - (long) ((1.0 - tail) * last);
    double low = smallest[(int) Math.min(fromBottom, smallCount - 1)];
    double high = -largest[(int) Math.min(fromTop, largeCount - 1)];
    double spread = high - low;
    return spread > 0.0 ? spread : fullSpread();
  }

  /** The maximum minus the minimum of the values so far; 0 before any. */
  public double fullSpread() {
    return count == 0 ? 0.0 : -largest[0] - smallest[0];
  }

  /** Writes the kept values for {@link #read}. */
  void write(DataOutput out) throws IOException {
    out.writeLong(count);
    out.writeInt(smallCount);
    DoubleBlocks.write(out, smallest, smallCount);
    out.writeInt(largeCount);
    DoubleBlocks.write(out, largest, largeCount);
  }

  /** Replaces the kept values with those {@link #write} wrote, under the same capacity. */
  void read(DataInput in) throws IOException {
    count = in.readLong();
    smallCount = readCount(in);
    DoubleBlocks.read(in, smallest, smallCount);
    largeCount = readCount(in);
    DoubleBlocks.read(in, largest, largeCount);
    if (count < Math.max(smallCount, largeCount)) {
      throw new IOException("tail range holds more values than it counted");
    }
  }

  private int readCount(DataInput in) throws IOException {
    int kept = in.readInt();
    if (kept < 0 || kept > capacity) {
      throw new IOException("bad tail size " + kept + " (at most " + capacity + ")");
    }
    return kept;
  }

  /** Inserts into the sorted prefix of {@code values}, dropping the largest when full. */
  private int insertAscending(double[] values, int size, double value) {
    if (size == capacity && value >= values[size - 1]) {
      return size;
    }
    int at = Arrays.binarySearch(values, 0, size, value);
    if (at < 0) {
      at = -at - 1;
    }
    int moved = Math.min(size, capacity - 1) - at;
    System.arraycopy(values, at, values, at + 1, moved);
    values[at] = value;
    return Math.min(size + 1, capacity);
  }
}
