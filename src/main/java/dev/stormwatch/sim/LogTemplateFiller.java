package dev.stormwatch.sim;

import java.util.SplittableRandom;

/** Fills the {placeholders} of a log template with random but plausible values. */
public final class LogTemplateFiller {
  private static final String[] PATHS = {
    "/api/v1/orders", "/api/v1/items", "/api/v2/cart", "/api/v1/users/me", "/healthz",
    "/api/v1/search", "/api/v1/charges", "/api/v1/stock"
  };
  private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY"};

  private LogTemplateFiller() {}

  /** The template with every known placeholder replaced. */
  public static String fill(String template, SplittableRandom rng) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      out.append(value(template.substring(i + 1, close), rng));
      i = close + 1;
    }
    return out.toString();
  }

  private static String value(String name, SplittableRandom rng) {
    switch (name) {
      case "id":
        return Long.toHexString(rng.nextLong() & 0xffffffffffL);
      case "req":
        return "req-" + Long.toHexString(rng.nextLong() & 0xffffffffL);
      case "ip":
        return "10." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + (1 + rng.nextInt(254));
      case "ms":
        return Long.toString(Math.round(Math.exp(4.0 + 0.8 * rng.nextGaussian())));
      case "n":
        return Integer.toString(1 + rng.nextInt(99));
      case "path":
        return PATHS[rng.nextInt(PATHS.length)];
      case "user":
        return "u" + (100000 + rng.nextInt(900000));
      case "sku":
        return "SKU-" + (10000 + rng.nextInt(90000));
      case "shard":
        return Integer.toString(rng.nextInt(16));
      case "amount":
        return (1 + rng.nextInt(500)) + "." + (10 + rng.nextInt(90));
      case "currency":
        return CURRENCIES[rng.nextInt(CURRENCIES.length)];
      default:
        return "{" + name + "}";
    }
  }
}
