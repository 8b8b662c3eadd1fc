package dev.stormwatch.model.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded LRU map from template id to the embedding of the template's text, so the language model
 * runs once per new template instead of once per line. An entry remembers the text it embedded: when
 * a template generalises (same id, new text) the lookup counts as a miss and the new text is
 * embedded. Misses of one lookup are embedded in one batch. Not thread-safe.
 */
public final class TemplateEmbeddingCache {
  /** Default capacity. */
  public static final int DEFAULT_CAPACITY = 4096;

  private final TextEmbedder embedder;
  private final int capacity;
  private final LinkedHashMap<Long, Entry> entries;
  private long hits;
  private long misses;

  private record Entry(String text, float[] vector) {}

  public TemplateEmbeddingCache(TextEmbedder embedder) {
    this(embedder, DEFAULT_CAPACITY);
  }

  public TemplateEmbeddingCache(TextEmbedder embedder, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.embedder = embedder;
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > TemplateEmbeddingCache.this.capacity;
          }
        };
  }

  /** The embedding of one template (shared array: do not modify). */
  public float[] get(long templateId, String text) {
    return getAll(new long[] {templateId}, List.of(text))[0];
  }

  /**
   * The embeddings of several templates, in order (shared arrays: do not modify); the misses are
   * embedded together in one call, a repeated id only once.
   */
  public float[][] getAll(long[] templateIds, List<String> texts) {
    if (templateIds.length != texts.size()) {
      throw new IllegalArgumentException("ids and texts differ in length");
    }
    float[][] out = new float[templateIds.length][];
    Map<Long, Integer> missIndex = new LinkedHashMap<>();
    List<String> missTexts = new ArrayList<>();
    for (int i = 0; i < templateIds.length; i++) {
      Entry e = entries.get(templateIds[i]);
      if (e != null && e.text().equals(texts.get(i))) {
        hits++;
        out[i] = e.vector();
      } else {
        misses++;
        if (missIndex.putIfAbsent(templateIds[i], missTexts.size()) == null) {
          missTexts.add(texts.get(i));
        }
      }
    }
    if (missTexts.isEmpty()) {
      return out;
    }
    float[][] vectors = embedder.embed(missTexts);
    for (Map.Entry<Long, Integer> m : missIndex.entrySet()) {
      int k = m.getValue();
      entries.put(m.getKey(), new Entry(missTexts.get(k), vectors[k]));
    }
    for (int i = 0; i < templateIds.length; i++) {
      if (out[i] == null) {
        out[i] = vectors[missIndex.get(templateIds[i])];
      }
    }
    return out;
  }

  /** Lookups answered from the cache. */
  public long hits() {
    return hits;
  }

  /** Lookups that needed the model (new id, evicted id or changed text). */
  public long misses() {
    return misses;
  }

  public int size() {
    return entries.size();
  }

  public int capacity() {
    return capacity;
  }

  public int dimension() {
    return embedder.dimension();
  }
}
