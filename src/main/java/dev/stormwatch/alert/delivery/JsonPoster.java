package dev.stormwatch.alert.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.DoubleSupplier;

/**
 * POSTs JSON with bounded retries: 2xx is delivered; 429, 5xx, timeouts and I/O errors are retried
 * after {@link RetryPolicy} backoff (at least the Retry-After); any other status is a permanent
 * failure. Reasons carry the status and a trimmed response body with secrets redacted, never the
 * URL.
 */
public final class JsonPoster {
  private static final int MAX_REASON_BODY = 300;

  private final HttpClient http;
  private final Duration timeout;
  private final RetryPolicy retry;
  private final DeliveryTime time;
  private final DoubleSupplier jitter;
  private final String[] secrets;

  public JsonPoster(HttpClient http, Duration timeout, RetryPolicy retry, DeliveryTime time,
      DoubleSupplier jitter, String... secrets) {
    this.http = http;
    this.timeout = timeout;
    this.retry = retry;
    this.time = time;
    this.jitter = jitter;
    this.secrets = secrets;
  }

  /** A poster with a fresh HttpClient, 10 s timeouts, default retries and the wall clock. */
  public static JsonPoster standard(DeliveryConfig config) {
    return withTimeout(config, Duration.ofSeconds(10), RetryPolicy.defaults());
  }

  /** A poster with a fresh HttpClient whose connect and request timeouts are {@code timeout}. */
  public static JsonPoster withTimeout(DeliveryConfig config, Duration timeout, RetryPolicy retry) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    return new JsonPoster(client, timeout, retry, DeliveryTime.SYSTEM, new Random()::nextDouble, config.secrets());
  }

  /** Replaces every secret in {@code text} by a mask. */
  public String redactSecrets(String text) {
    String s = text == null ? "" : text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        s = s.replace(secret, "****");
      }
    }
    return s;
  }

  public DeliveryTime time() {
    return time;
  }

  /** Sends {@code json} to {@code uri}, retrying as described; never throws for HTTP outcomes. */
  public DeliveryResult post(URI uri, String json) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Attempt a;
      try {
        a = classify(http.send(request(uri, json), HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        a = failure(e);
      }
      switch (a.kind()) {
        case ACCEPTED -> {
          return new DeliveryResult(DeliveryResult.Outcome.DELIVERED, a.status(), attempt, a.reason());
        }
        case REFUSED -> {
          return new DeliveryResult(DeliveryResult.Outcome.PERMANENT_FAILURE, a.status(), attempt, a.reason());
        }
        default -> {
          if (attempt >= retry.maxAttempts()) {
            return new DeliveryResult(DeliveryResult.Outcome.RETRIES_EXHAUSTED, a.status(), attempt,
                a.reason() + " after " + attempt + " attempts");
          }
          time.sleep(retry.backoffMillis(attempt, a.retryAfterMillis(), jitter));
        }
      }
    }
  }

  /**
   * Sends {@code json} once without blocking the caller; the future always completes normally,
   * with the classified outcome (I/O errors and timeouts are {@link Attempt.Kind#RETRY}).
   */
  public CompletableFuture<Attempt> sendOnce(URI uri, String json) {
    // handed to another thread first: even a host name lookup must not hold up the caller
    return CompletableFuture.supplyAsync(() -> request(uri, json))
        .thenCompose(request -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
        .handle((response, error) -> error == null ? classify(response) : failure(unwrap(error)));
  }

  private HttpRequest request(URI uri, String json) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
  }

  private Attempt classify(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Attempt(Attempt.Kind.ACCEPTED, status, "HTTP " + status, -1);
    }
    String reason = "HTTP " + status + ": " + redact(response.body());
    if (status != 429 && status < 500) {
      return new Attempt(Attempt.Kind.REFUSED, status, reason, -1);
    }
    return new Attempt(Attempt.Kind.RETRY, status, reason,
        retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null)));
  }

  private Attempt failure(Throwable e) {
    String reason = e instanceof HttpTimeoutException ? "timed out after " + timeout.toMillis() + " ms"
        : (e instanceof IOException ? "I/O error (" : "request failed (") + e.getClass().getSimpleName() + ")";
    return new Attempt(Attempt.Kind.RETRY, 0, reason, -1);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Retry-After as delay-seconds or an HTTP date; -1 if absent or unreadable. */
  long retryAfterMillis(String header) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String v = header.trim();
    try {
      return Math.max(0, Long.parseLong(v) * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        return Math.max(0, at - time.nowMillis());
      } catch (DateTimeParseException notDate) {
        return -1;
      }
    }
  }

  private String redact(String body) {
    String s = redactSecrets(body == null ? "" : body.strip());
    return s.length() > MAX_REASON_BODY ? s.substring(0, MAX_REASON_BODY) + "..." : s;
  }
}
