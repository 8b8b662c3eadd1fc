package dev.stormwatch.eval.nab;

import dev.stormwatch.eval.peer.RcfScorer;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Registry of NAB detectors by name. Built in: {@code null}, {@code perfect}, {@code random},
 * {@code rcf}, {@code rcf-grade} and {@code rcf-nab}; callers plug in more (e.g. {@code
 * stormwatch}) with {@link #register} or a {@link NabDetectorPlugin} service. A fresh scorer is
 * created for every file.
 */
public final class NabDetectors {
  /** The detector {@code nab} runs when none is named. */
  public static final String DEFAULT_DETECTOR = "stormwatch";

  private static final Map<String, Function<SeriesContext, StreamingScorer>> FACTORIES =
      new TreeMap<>();

  static {
    register("null", NullScorer::new);
    registerWithContext("perfect", PerfectScorer::new);
    register("random", RandomScorer::new);
    register("rcf", RcfScorer::streaming);
    register("rcf-nab", RcfScorer::nabPublished);
    register("rcf-grade", RcfScorer::gradeOnly);
    for (NabDetectorPlugin plugin : ServiceLoader.load(NabDetectorPlugin.class)) {
      registerWithContext(plugin.name(), plugin::create);
    }
  }

  private NabDetectors() {}

  /** Registers (or replaces) a detector that needs nothing but the rows. */
  public static synchronized void register(String name, Supplier<StreamingScorer> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    registerWithContext(name, context -> supplier.get());
  }

  /** Registers (or replaces) a detector that is told which file it scores. */
  public static synchronized void registerWithContext(
      String name, Function<SeriesContext, StreamingScorer> factory) {
    if (name == null || name.isBlank() || name.contains(",") || name.contains("/")) {
      throw new IllegalArgumentException("bad detector name: '" + name + "'");
    }
    FACTORIES.put(name, Objects.requireNonNull(factory, "factory"));
  }

  /** True when a detector of that name is registered, or it is one's {@code NAME+likelihood}. */
  public static synchronized boolean isRegistered(String name) {
    String wrapped = LikelihoodScorer.wrappedName(name);
    return wrapped != null ? isRegistered(wrapped) : FACTORIES.containsKey(name);
  }

  /** The registered names, sorted. */
  public static synchronized java.util.List<String> names() {
    return java.util.List.copyOf(FACTORIES.keySet());
  }

  /**
   * A new scorer for one file; {@code NAME+likelihood} wraps detector NAME's scores in a {@link
   * LikelihoodScorer}. Fails listing the available names when the name is unknown.
   */
  public static synchronized StreamingScorer create(String name, SeriesContext context) {
    String wrapped = LikelihoodScorer.wrappedName(name);
    if (wrapped != null) {
      return LikelihoodScorer.forFile(create(wrapped, context), context);
    }
    Function<SeriesContext, StreamingScorer> factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown NAB detector '"
              + name
              + "'; available: "
              + String.join(", ", FACTORIES.keySet())
              + " (each also as NAME" + LikelihoodScorer.SUFFIX + ")");
    }
    return factory.apply(context);
  }
}
