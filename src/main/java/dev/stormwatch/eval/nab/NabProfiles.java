package dev.stormwatch.eval.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Loads NAB cost profiles ({@code config/profiles.json}) or supplies NAB's three defaults. */
public final class NabProfiles {
  private NabProfiles() {}

  /** NAB's standard, reward_low_FP_rate and reward_low_FN_rate profiles. */
  public static List<CostProfile> defaults() {
    return List.of(
        CostProfile.standard(),
        new CostProfile("reward_low_FP_rate", 1.0, 0.22, 1.0),
        new CostProfile("reward_low_FN_rate", 1.0, 0.11, 2.0));
  }

  /** Reads a profiles file: {@code {name: {CostMatrix: {tpWeight, fpWeight, fnWeight}}}}. */
  public static List<CostProfile> load(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<CostProfile> profiles = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode matrix = entry.getValue().path("CostMatrix");
      if (!matrix.has("tpWeight") || !matrix.has("fpWeight") || !matrix.has("fnWeight")) {
        throw new IOException(file + ": profile " + entry.getKey() + " lacks a full CostMatrix");
      }
      profiles.add(
          new CostProfile(
              entry.getKey(),
              matrix.get("tpWeight").asDouble(),
              matrix.get("fpWeight").asDouble(),
              matrix.get("fnWeight").asDouble()));
    }
    return profiles;
  }

  /**
   * The profiles file if given, else {@code <labels>/../config/profiles.json} if present, else
   * defaults.
   */
  public static List<CostProfile> resolve(Path explicit, Path labelsFile) throws IOException {
    if (explicit != null) {
      return load(explicit);
    }
    Path parent = labelsFile.toAbsolutePath().getParent();
    Path sibling = parent == null ? null : parent.resolveSibling("config").resolve("profiles.json");
    return sibling != null && Files.isRegularFile(sibling) ? load(sibling) : defaults();
  }
}
