package dev.stormwatch.eval.nab;

import dev.stormwatch.detect.novelty.NoveltySettings;
import dev.stormwatch.eval.peer.RcfScorer;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.BiFunction;
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
  /** Name suffixes that wrap a detector's scores for a file, by suffix. */
  private static final Map<String, BiFunction<StreamingScorer, SeriesContext, StreamingScorer>> WRAPPERS =
      Map.of(LikelihoodScorer.SUFFIX, LikelihoodScorer::forFile,
          PeakScorer.SUFFIX, (inner, context) -> new PeakScorer(inner, PeakScorer.DEFAULT_HORIZON),
          OnsetScorer.SUFFIX, (inner, context) -> new OnsetScorer(inner, OnsetScorer.DEFAULT_ROWS));

  /** Families of detectors named {@code FAMILY:SPEC}, by family; the family parses the spec. */
  private static final Map<String, BiFunction<String, SeriesContext, StreamingScorer>> FAMILIES =
      Map.of(NoveltyNabPlugin.NAME,
          (spec, context) -> NoveltyNabPlugin.create(NoveltySettings.parse(spec), context));

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

  /**
   * True when a detector of that name is registered, or it is a registered one with wrappers
   * ({@code NAME+likelihood}, {@code NAME+peaks}, {@code NAME+onset}, in any combination).
   */
  public static synchronized boolean isRegistered(String name) {
    String wrapped = wrappedName(name);
    if (wrapped != null) {
      return isRegistered(wrapped);
    }
    return FACTORIES.containsKey(name) || specProblem(name) == null;
  }

  /** The wrapper suffix {@code name} ends in, else null. */
  private static String wrapperSuffix(String name) {
    return WRAPPERS.keySet().stream().filter(name::endsWith).findFirst().orElse(null);
  }

  /** The wrapped detector's name when {@code name} ends in a wrapper's suffix, else null. */
  private static String wrappedName(String name) {
    String suffix = wrapperSuffix(name);
    return suffix == null ? null : name.substring(0, name.length() - suffix.length());
  }

  /** The registered names, sorted. */
  public static synchronized java.util.List<String> names() {
    return java.util.List.copyOf(FACTORIES.keySet());
  }

  /**
   * A new scorer for one file; {@code NAME+likelihood} wraps detector NAME's scores in a {@link
   * LikelihoodScorer}, {@code NAME+peaks} in a {@link PeakScorer}, {@code NAME+onset} in an {@link
   * OnsetScorer} (outermost suffix applied last).
   * Fails listing the available names when the name is unknown.
   */
  public static synchronized StreamingScorer create(String name, SeriesContext context) {
    String suffix = wrapperSuffix(name);
    if (suffix != null) {
      StreamingScorer inner = create(name.substring(0, name.length() - suffix.length()), context);
      return WRAPPERS.get(suffix).apply(inner, context);
    }
    Function<SeriesContext, StreamingScorer> factory = FACTORIES.get(name);
    if (factory != null) {
      return factory.apply(context);
    }
    int colon = name.indexOf(':');
    BiFunction<String, SeriesContext, StreamingScorer> family =
        colon < 0 ? null : FAMILIES.get(name.substring(0, colon));
    if (family == null) {
      throw new IllegalArgumentException(unknownDetector(name));
    }
    try {
      return family.apply(name.substring(colon + 1), context);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(unknownDetector(name), e);
    }
  }

  /**
   * Null when {@code name} is {@code FAMILY:SPEC} of a known family with a spec it accepts, else
   * what is wrong with it.
   */
  private static String specProblem(String name) {
    int colon = name.indexOf(':');
    if (colon < 0 || !FAMILIES.containsKey(name.substring(0, colon))) {
      return "not a registered name or FAMILY:SPEC of " + FAMILIES.keySet();
    }
    try {
      FAMILIES.get(name.substring(0, colon))
          .apply(name.substring(colon + 1), new SeriesContext(name, 0, java.util.List.of()));
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The error for a detector name that is not registered, listing the available ones. */
  public static synchronized String unknownDetector(String name) {
    String problem = specProblem(name);
    return "unknown NAB detector '" + name + "'" + (name.contains(":") ? " (" + problem + ")" : "")
        + "; available: " + String.join(", ", FACTORIES.keySet()) + ", "
        + String.join(", ", FAMILIES.keySet().stream().map(f -> f + ":SPEC").toList())
        + " (each also as NAME" + LikelihoodScorer.SUFFIX + ", NAME" + PeakScorer.SUFFIX
        + " and NAME" + OnsetScorer.SUFFIX + ")";
  }
}
