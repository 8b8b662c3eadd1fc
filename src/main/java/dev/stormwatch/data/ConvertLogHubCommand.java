package dev.stormwatch.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.stormwatch.cli.CliArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** CLI of {@link LogHubConverter} ({@code scripts/convert-loghub.sh}). */
public final class ConvertLogHubCommand {
  static final String USAGE = """
      usage: convert-loghub.sh --system NAME|all --out DIR [--root LOGHUB_DIR]
        Writes DIR/<System>.jsonl (log records), DIR/events/<System>.jsonl (per line: line_id,
        event_id, event_template; label and anomalous for BGL and Thunderbird) and
        DIR/loghub-summary.json. --root defaults to ../shared/datasets/loghub from the project root.""";

  private ConvertLogHubCommand() {}

  public static void main(String[] argv) throws Exception {
    List<String> systems;
    Path out;
    Path root;
    try {
      if (List.of(argv).contains("-h") || List.of(argv).contains("--help")) {
        System.out.println(USAGE);
        return;
      }
      CliArgs a = CliArgs.parse(argv, Set.of("--system", "--out", "--root"), Set.of());
      out = Path.of(a.required("--out"));
      root = SharedDatasets.root(a.optional("--root", null), "loghub");
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("no LogHub data at " + root + " (use --root)");
      }
      String name = a.required("--system");
      List<String> known = LogHubConverter.systems(root);
      systems = name.equalsIgnoreCase("all") ? known
          : known.stream().filter(s -> s.equalsIgnoreCase(name)).toList();
      if (systems.isEmpty()) {
        throw new IllegalArgumentException("no system '" + name + "' under " + root + "; known: " + known);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("convert-loghub: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode summary = mapper.createArrayNode();
    for (String system : systems) {
      LogHubConverter.Converted c = LogHubConverter.convert(root, system);
      LogHubConverter.write(c, out);
      summary.add(c.summary());
      System.out.println(c.summary());
    }
    Files.writeString(out.resolve("loghub-summary.json"),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
  }
}
