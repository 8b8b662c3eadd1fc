package dev.stormwatch.model.logs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The byte layout of a {@link DrainTemplateMiner} snapshot: magic "DRN1", the config, the line and
 * eviction counters, then each cluster (least recently used first) as id, count, template tokens
 * and tree path; strings are length-prefixed UTF-8.
 */
final class DrainSnapshot {
  private static final int MAGIC = 0x44524E31;

  private DrainSnapshot() {}

  static byte[] write(DrainTemplateMiner miner) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 64 * miner.clusterCount());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      DrainConfig c = miner.config();
      out.writeInt(MAGIC);
      out.writeInt(c.depth());
      out.writeDouble(c.similarityThreshold());
      out.writeInt(c.maxChildren());
      out.writeInt(c.maxClusters());
      out.writeInt(c.maxTokens());
      out.writeLong(miner.lines());
      out.writeLong(miner.evictions());
      out.writeInt(miner.clusterCount());
      for (LogCluster cluster : miner.clusters()) {
        out.writeLong(cluster.id());
        out.writeLong(cluster.count());
        writeStrings(out, cluster.tokensCopy());
        writeStrings(out, cluster.treePath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static DrainTemplateMiner read(byte[] snapshot) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a Drain miner snapshot");
      }
      DrainConfig config =
          new DrainConfig(in.readInt(), in.readDouble(), in.readInt(), in.readInt(), in.readInt());
      DrainTemplateMiner miner = new DrainTemplateMiner(config);
      miner.restoreCounters(in.readLong(), in.readLong());
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        long id = in.readLong();
        long lines = in.readLong();
        String[] tokens = readStrings(in);
        String[] path = readStrings(in);
        miner.restore(new LogCluster(id, tokens, path, lines));
      }
      return miner;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated or corrupt Drain miner snapshot", e);
    }
  }

  private static void writeStrings(DataOutputStream out, String[] values) throws IOException {
    out.writeInt(values.length);
    for (String v : values) {
      byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
      out.writeInt(utf8.length);
      out.write(utf8);
    }
  }

  private static String[] readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad string count " + n);
    }
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      int len = in.readInt();
      if (len < 0 || len > in.available()) {
        throw new IOException("bad string length " + len);
      }
      byte[] utf8 = new byte[len];
      in.readFully(utf8);
      values[i] = new String(utf8, StandardCharsets.UTF_8);
    }
    return values;
  }
}
