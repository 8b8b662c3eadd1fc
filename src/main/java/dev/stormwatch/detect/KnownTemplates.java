package dev.stormwatch.detect;

import java.util.Arrays;

/**
 * The bounded set of a {@link BaselineModel}'s known log templates, kept as 64-bit hashes with
 * first- and last-seen times in the model's parallel arrays; when full, the stalest is evicted.
 */
final class KnownTemplates {
  private KnownTemplates() {}

  /** 64-bit FNV-1a hash of a template key's UTF-16 code units. */
  static long hash(String template) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      h ^= c & 0xff;
      h *= 0x100000001b3L;
      h ^= c >>> 8;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Position of a hash, or -1. */
  static int indexOf(long[] hashes, long h) {
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] == h) {
        return i;
      }
    }
    return -1;
  }

  /** Marks a template as seen at {@code t}, adding it (first seen at t) when unknown. */
  static void learn(BaselineModel m, long h, long t, int maxTemplates) {
    int k = indexOf(m.templateHash, h);
    if (k >= 0) {
      m.templateLastSeen[k] = Math.max(m.templateLastSeen[k], t);
      return;
    }
    if (m.templateHash.length < maxTemplates) {
      k = m.templateHash.length;
      m.templateHash = Arrays.copyOf(m.templateHash, k + 1);
      m.templateFirstSeen = Arrays.copyOf(m.templateFirstSeen, k + 1);
      m.templateLastSeen = Arrays.copyOf(m.templateLastSeen, k + 1);
    } else {
      k = 0;
      for (int i = 1; i < m.templateHash.length; i++) {
        if (m.templateLastSeen[i] < m.templateLastSeen[k]) {
          k = i;
        }
      }
    }
    m.templateHash[k] = h;
    m.templateFirstSeen[k] = t;
    m.templateLastSeen[k] = t;
  }
}
