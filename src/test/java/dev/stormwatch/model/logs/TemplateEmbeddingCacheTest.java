package dev.stormwatch.model.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateEmbeddingCacheTest {

  /** Embeds a text as [length, first char, call number] and records every batch. */
  static final class RecordingEmbedder implements TextEmbedder {
    final List<List<String>> batches = new ArrayList<>();

    @Override
    public float[][] embed(List<String> texts) {
      batches.add(List.copyOf(texts));
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < out.length; i++) {
        String t = texts.get(i);
        out[i] = new float[] {t.length(), t.isEmpty() ? 0 : t.charAt(0), batches.size()};
      }
      return out;
    }

    @Override
    public int dimension() {
      return 3;
    }
  }

  @Test
  void embedsMissesInOneBatchAndServesHitsFromTheCache() {
    RecordingEmbedder embedder = new RecordingEmbedder();
    TemplateEmbeddingCache cache = new TemplateEmbeddingCache(embedder, 10);
    float[][] first = cache.getAll(new long[] {1, 2, 1}, List.of("alpha", "beta", "alpha"));
    assertThat(embedder.batches).containsExactly(List.of("alpha", "beta"));
    assertThat(first[0]).containsExactly(5f, 'a', 1f);
    assertThat(first[2]).isSameAs(first[0]);
    assertThat(cache.misses()).isEqualTo(3);
    assertThat(cache.hits()).isZero();

    float[][] second = cache.getAll(new long[] {2, 3}, List.of("beta", "gamma"));
    assertThat(embedder.batches).hasSize(2).last().isEqualTo(List.of("gamma"));
    assertThat(second[0]).isSameAs(first[1]);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(4);
    assertThat(cache.size()).isEqualTo(3);
  }

  @Test
  void reEmbedsWhenATemplateGeneralises() {
    RecordingEmbedder embedder = new RecordingEmbedder();
    TemplateEmbeddingCache cache = new TemplateEmbeddingCache(embedder);
    float[] before = cache.get(42, "user alice logged in");
    float[] after = cache.get(42, "user <*> logged in");
    assertThat(after).isNotEqualTo(before);
    assertThat(cache.get(42, "user <*> logged in")).isSameAs(after);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(2);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void staysWithinCapacityEvictingTheLeastRecentlyUsed() {
    RecordingEmbedder embedder = new RecordingEmbedder();
    TemplateEmbeddingCache cache = new TemplateEmbeddingCache(embedder, 2);
    cache.get(1, "one");
    cache.get(2, "two");
    cache.get(1, "one");
    cache.get(3, "three");
    assertThat(cache.size()).isEqualTo(2);
    int calls = embedder.batches.size();
    cache.get(1, "one");
    assertThat(embedder.batches).hasSize(calls);
    cache.get(2, "two");
    assertThat(embedder.batches).hasSize(calls + 1);
  }
}
