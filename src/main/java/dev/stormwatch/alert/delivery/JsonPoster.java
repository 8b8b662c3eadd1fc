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
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    return new JsonPoster(client, Duration.ofSeconds(10), RetryPolicy.defaults(), DeliveryTime.SYSTEM,
        new Random()::nextDouble, config.secrets());
  }

  public DeliveryTime time() {
    return time;
  }

  /** Sends {@code json} to {@code uri}, retrying as described; never throws for HTTP outcomes. */
  public DeliveryResult post(URI uri, String json) throws InterruptedException {
    int status = 0;
    String reason = "";
    for (int attempt = 1; ; attempt++) {
      long retryAfter = -1;
      try {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        if (status >= 200 && status < 300) {
          return new DeliveryResult(DeliveryResult.Outcome.DELIVERED, status, attempt, "HTTP " + status);
        }
        reason = "HTTP " + status + ": " + redact(response.body());
        if (status != 429 && status < 500) {
          return new DeliveryResult(DeliveryResult.Outcome.PERMANENT_FAILURE, status, attempt, reason);
        }
        retryAfter = retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null));
      } catch (HttpTimeoutException e) {
        status = 0;
        reason = "timed out after " + timeout.toMillis() + " ms";
      } catch (IOException e) {
        status = 0;
        reason = "I/O error (" + e.getClass().getSimpleName() + ")";
      }
      if (attempt >= retry.maxAttempts()) {
        return new DeliveryResult(DeliveryResult.Outcome.RETRIES_EXHAUSTED, status, attempt,
            reason + " after " + attempt + " attempts");
      }
      time.sleep(retry.backoffMillis(attempt, retryAfter, jitter));
    }
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
    String s = body == null ? "" : body.strip();
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        s = s.replace(secret, "****");
      }
    }
    return s.length() > MAX_REASON_BODY ? s.substring(0, MAX_REASON_BODY) + "..." : s;
  }
}
