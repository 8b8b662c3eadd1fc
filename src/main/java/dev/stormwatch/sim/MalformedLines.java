package dev.stormwatch.sim;

import dev.stormwatch.event.DeadLetter.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Bad input lines of every class the input contract rejects, cycled in a fixed order, each with the
 * dead-letter reason code a conforming parser assigns (see {@code DeadLetter.Reasons}).
 */
public final class MalformedLines {
  /** One injected line: its 1-based line number in the output, class, reason code and text. */
  public record Injected(long lineNumber, String kind, String reason, String raw) {}

  /** Message length of the oversized line: just over 1 MiB. */
  static final int OVERSIZED_CHARS = (1 << 20) + 1024;

  private static final String[][] CLASSES = {
    {"truncated_json", Reasons.INVALID_JSON},
    {"missing_provider", Reasons.MISSING_FIELD},
    {"empty_provider", Reasons.MISSING_FIELD},
    {"unparsable_time", Reasons.INVALID_TIME},
    {"non_numeric_metric", Reasons.INVALID_METRIC},
    {"nan_metric", Reasons.INVALID_METRIC},
    {"unknown_kind", Reasons.UNKNOWN_KIND},
    {"non_object_json", Reasons.NOT_AN_OBJECT},
    {"oversized_line", Reasons.TOO_LARGE},
    {"non_string_message", Reasons.INVALID_FIELD},
    {"missing_time", Reasons.MISSING_FIELD},
    {"html_garbage", Reasons.INVALID_JSON},
  };

  private MalformedLines() {}

  /**
   * Inserts {@code count} bad lines at random positions of {@code lines} (mutated) and returns
   * them ordered by line number; {@code aroundTime} anchors their timestamps.
   */
  public static List<Injected> inject(List<String> lines, int count, long aroundTime,
      SplittableRandom rng) {
    TreeMap<Integer, Integer> slots = new TreeMap<>();
    int finalSize = lines.size() + count;
    for (int i = 0; i < count; i++) {
      int pos;
      do {
        pos = rng.nextInt(finalSize);
      } while (slots.containsKey(pos));
      slots.put(pos, i);
    }
    List<String> merged = new ArrayList<>(finalSize);
    List<Injected> injected = new ArrayList<>();
    int source = 0;
    for (int pos = 0; pos < finalSize; pos++) {
      Integer which = slots.get(pos);
      if (which == null) {
        merged.add(lines.get(source++));
      } else {
        String[] cls = CLASSES[which % CLASSES.length];
        String raw = line(cls[0], JsonLines.time(aroundTime + rng.nextInt(3_600_000)), rng);
        merged.add(raw);
        injected.add(new Injected(pos + 1L, cls[0], cls[1], raw));
      }
    }
    lines.clear();
    lines.addAll(merged);
    return injected;
  }

  private static String line(String kind, String time, SplittableRandom rng) {
    String head = "{\"kind\":\"metric\",\"time\":\"" + time + "\",";
    String where = "\"provider\":\"aws\",\"region\":\"us-east-1\",\"service\":\"payments\",";
    String resource = String.format("\"resource\":\"payments-%06x\"", rng.nextInt(1 << 24));
    switch (kind) {
      case "truncated_json":
        return head + where + resource + ",\"metrics\":{\"cpu_util\":0.4";
      case "missing_provider":
        return head + "\"service\":\"search\"," + resource + ",\"metrics\":{\"cpu_util\":0.41}}";
      case "empty_provider":
        return head + "\"provider\":\"\",\"service\":\"search\"," + resource
            + ",\"metrics\":{\"cpu_util\":0.41}}";
      case "unparsable_time":
        return "{\"kind\":\"metric\",\"time\":\"yesterday at noon\"," + where + resource
            + ",\"metrics\":{\"cpu_util\":0.38}}";
      case "non_numeric_metric":
        return head + where + resource + ",\"metrics\":{\"cpu_util\":\"high\",\"error_rate\":0.01}}";
      case "nan_metric":
        return head + where + resource + ",\"metrics\":{\"cpu_util\":NaN,\"error_rate\":0.01}}";
      case "unknown_kind":
        return "{\"kind\":\"trace\",\"time\":\"" + time + "\"," + where + resource
            + ",\"span_id\":\"a1b2c3\"}";
      case "non_object_json":
        return "[1,2]";
      case "oversized_line":
        return "{\"kind\":\"log\",\"time\":\"" + time + "\"," + where + resource
            + ",\"severity\":\"INFO\",\"message\":\"dump " + "x".repeat(OVERSIZED_CHARS) + "\"}";
      case "non_string_message":
        return "{\"kind\":\"log\",\"time\":\"" + time + "\"," + where + resource
            + ",\"severity\":\"ERROR\",\"message\":42}";
      case "missing_time":
        return "{\"kind\":\"metric\"," + where + resource + ",\"metrics\":{\"cpu_util\":0.5}}";
      case "html_garbage":
        return "<html><body>502 Bad Gateway</body></html>";
      default:
        throw new IllegalStateException(kind);
    }
  }
}
