package dev.stormwatch.sim;

import java.util.List;

/**
 * A kind of service: which metrics it reports and its own log templates (placeholders in braces
 * are filled by {@link LogTemplateFiller}).
 */
public record ServiceProfile(
    String name,
    List<String> metrics,
    String dependency,
    List<String> info,
    List<String> warn,
    List<String> error) {

  private static final String CPU = "cpu_util";
  private static final String MEM = "mem_util";
  private static final String LAT = "latency_p99_ms";
  private static final String ERR = "error_rate";
  private static final String RPS = "requests_per_s";
  private static final String DISK = "disk_util";
  private static final String POOL = "conn_pool_in_use";

  /** The built-in service catalogue; providers take consecutive, rotated slices of it. */
  public static final List<ServiceProfile> CATALOG =
      List.of(
          new ServiceProfile(
              "payments", List.of(CPU, MEM, LAT, ERR, RPS, POOL), "payment-gateway",
              List.of("charge {id} authorized amount={amount} {currency}",
                  "refund {id} settled amount={amount} {currency}"),
              List.of("card declined for customer {user} code=insufficient_funds"),
              List.of("payment gateway returned 502 for charge {id}")),
          new ServiceProfile(
              "checkout", List.of(CPU, MEM, LAT, ERR, RPS), "payments",
              List.of("cart {id} checked out items={n} total={amount} {currency}",
                  "applied promotion SPRING{n} to cart {id}"),
              List.of("cart {id} contains stale price for sku={sku}, repriced"),
              List.of("order submission for cart {id} rejected: address validation failed")),
          new ServiceProfile(
              "search", List.of(CPU, MEM, LAT, ERR, RPS, DISK), "search-index",
              List.of("query returned {n} hits in {ms}ms shard={shard}",
                  "index segment merge completed on shard {shard}"),
              List.of("query exceeded soft deadline {ms}ms on shard {shard}, partial results"),
              List.of("shard {shard} query failed: circuit breaker tripped")),
          new ServiceProfile(
              "auth", List.of(CPU, LAT, ERR, RPS, POOL), "user-db",
              List.of("user {user} logged in from {ip}", "token refreshed for session {id}"),
              List.of("invalid password for user {user} from {ip}"),
              List.of("token signature verification failed for session {id}")),
          new ServiceProfile(
              "inventory", List.of(CPU, MEM, LAT, ERR, RPS, DISK, POOL), "inventory-db",
              List.of("stock level updated sku={sku} qty={n}", "reservation {id} released sku={sku}"),
              List.of("optimistic lock conflict on sku={sku}, retried"),
              List.of("reservation {id} failed: sku={sku} not found")),
          new ServiceProfile(
              "notifications", List.of(CPU, MEM, LAT, ERR, RPS, DISK), "smtp-relay",
              List.of("email {id} queued for {user}", "push notification {id} delivered"),
              List.of("email {id} deferred by relay: 421 try again later"),
              List.of("push notification {id} rejected: invalid device token")),
          new ServiceProfile(
              "recommendations", List.of(CPU, MEM, LAT, ERR, RPS), "feature-store",
              List.of("served {n} recommendations for user {user} model=v{n}",
                  "feature cache refreshed keys={n}"),
              List.of("feature store lookup for user {user} took {ms}ms, using defaults"),
              List.of("model inference failed for user {user}: tensor shape mismatch")),
          new ServiceProfile(
              "shipping", List.of(CPU, LAT, ERR, RPS, DISK, POOL), "carrier-api",
              List.of("label {id} created carrier=UPS weight={n}kg", "tracking update for {id}"),
              List.of("carrier API slow for label {id}: {ms}ms"),
              List.of("label {id} creation failed: carrier returned 500")));

  /** Log templates every service shares. */
  public static final List<String> COMMON_INFO =
      List.of("GET {path} 200 {ms}ms", "POST {path} 201 {ms}ms",
          "request {req} completed status=200 duration={ms}ms", "health check ok from {ip}");

  /** WARN templates every service shares. */
  public static final List<String> COMMON_WARN =
      List.of("slow request {path} took {ms}ms", "cache miss rate {n}% above target on {path}");

  /** Ordinary background ERROR templates every service shares. */
  public static final List<String> COMMON_ERROR =
      List.of("request {req} failed: 500 Internal Server Error ({path})",
          "client {ip} closed connection before response on {path}");
}
