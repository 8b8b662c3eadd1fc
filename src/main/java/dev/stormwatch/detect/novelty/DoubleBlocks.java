package dev.stormwatch.detect.novelty;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes and reads runs of doubles in one block, in the big-endian layout of {@link
 * DataOutput#writeDouble} (so state written value by value reads back unchanged), at memory-copy
 * speed instead of eight single-byte writes per value.
 */
final class DoubleBlocks {
  private DoubleBlocks() {}

  /** Writes {@code values[0..count)}. */
  static void write(DataOutput out, double[] values, int count) throws IOException {
    byte[] bytes = new byte[count * Double.BYTES];
    ByteBuffer.wrap(bytes).asDoubleBuffer().put(values, 0, count);
    out.write(bytes);
  }

  /** Reads {@code count} values into {@code values[0..count)}. */
  static void read(DataInput in, double[] values, int count) throws IOException {
    byte[] bytes = new byte[count * Double.BYTES];
    in.readFully(bytes);
    ByteBuffer.wrap(bytes).asDoubleBuffer().get(values, 0, count);
  }
}
