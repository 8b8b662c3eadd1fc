package dev.stormwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAndRateTest {
  @Test
  void backoffDoublesWithEqualJitterAndIsCapped() {
    RetryPolicy p = new RetryPolicy(10, 100, 1000);
    assertThat(p.backoffMillis(1, -1, () -> 0.0)).isEqualTo(50);
    assertThat(p.backoffMillis(1, -1, () -> 0.999)).isEqualTo(99);
    assertThat(p.backoffMillis(3, -1, () -> 0.0)).isEqualTo(200);
    assertThat(p.backoffMillis(8, -1, () -> 0.0)).isEqualTo(500);
    assertThat(p.backoffMillis(8, 4000, () -> 0.0)).isEqualTo(4000);
  }

  @Test
  void tokenBucketAllowsABurstThenTheRate() {
    TokenBucket b = new TokenBucket(2, 60, 0);
    assertThat(b.reserve(0)).isZero();
    assertThat(b.reserve(0)).isZero();
    assertThat(b.reserve(0)).isEqualTo(1000);
    // the reserved token is spent: the next one is 2 s away
    assertThat(b.reserve(0)).isEqualTo(2000);
    assertThat(b.reserve(5000)).isZero();
  }

  @Test
  void retryAfterAcceptsSecondsAndHttpDates() {
    ManualTime time = new ManualTime(java.time.Instant.parse("2026-03-03T00:00:00Z").toEpochMilli());
    JsonPoster poster = new JsonPoster(HttpClient.newHttpClient(), Duration.ofSeconds(1), RetryPolicy.defaults(),
        time, () -> 0.5);
    assertThat(poster.retryAfterMillis("12")).isEqualTo(12_000);
    assertThat(poster.retryAfterMillis("Tue, 03 Mar 2026 00:00:30 GMT")).isEqualTo(30_000);
    assertThat(poster.retryAfterMillis("soon")).isEqualTo(-1);
    assertThat(poster.retryAfterMillis(null)).isEqualTo(-1);
  }
}
