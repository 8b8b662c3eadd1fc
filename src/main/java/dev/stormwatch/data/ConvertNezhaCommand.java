package dev.stormwatch.data;

import dev.stormwatch.cli.CliArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** CLI of {@link NezhaConverter} ({@code scripts/convert-nezha.sh}). */
public final class ConvertNezhaCommand {
  static final String USAGE = """
      usage: convert-nezha.sh --system trainticket|onlineboutique --out DIR [--date YYYY-MM-DD]
                              [--with-logs | --no-logs] [--with-node-metrics] [--fault-minutes N]
                              [--tail-minutes N] [--quiet-minutes N] [--gzip] [--root NEZHA_DIR]
        Writes DIR/history.jsonl, live.jsonl (.gz with --gzip), incidents.json and scenario.json.
        Metrics only by default: Nezha's logs exist only around faults (see docs/evaluation.md).
        --date            rca_data day (trainticket: 2023-01-29; onlineboutique: 2022-08-22 default, 2022-08-23)
        --fault-minutes   label end = injection + N minutes (default 3)
        --tail-minutes    live data kept after the last injection (default 30); the rest is history
        --quiet-minutes   fault-free stretches of the live period at least N minutes long (10 minutes
                          clear of faults on each side) become history too (default 0: none); on
                          TrainTicket the evening history is nearly idle, so 60 adds the midday
                          stretch under load (docs/evaluation.md)
        --root            the Nezha folder (default ../shared/datasets/nezha from the project root)""";

  private ConvertNezhaCommand() {}

  public static void main(String[] argv) throws Exception {
    NezhaOptions o;
    Path out;
    boolean gzip;
    try {
      if (List.of(argv).contains("-h") || List.of(argv).contains("--help")) {
        System.out.println(USAGE);
        return;
      }
      CliArgs a = CliArgs.parse(argv,
          Set.of("--system", "--out", "--date", "--fault-minutes", "--tail-minutes", "--quiet-minutes",
              "--root"),
          Set.of("--with-logs", "--no-logs", "--with-node-metrics", "--gzip"));
      if (a.flag("--with-logs") && a.flag("--no-logs")) {
        throw new IllegalArgumentException("--with-logs and --no-logs exclude each other");
      }
      NezhaSystem system = NezhaSystem.of(a.required("--system"));
      out = Path.of(a.required("--out"));
      gzip = a.flag("--gzip");
      Path root = SharedDatasets.root(a.optional("--root", null), "nezha");
      if (!Files.isDirectory(root.resolve("rca_data"))) {
        throw new IllegalArgumentException("no Nezha data at " + root + " (use --root)");
      }
      o = new NezhaOptions(root, system, a.optional("--date", system.dates.get(0)),
          a.flag("--with-logs"), a.flag("--with-node-metrics"),
          a.intValue("--fault-minutes", NezhaOptions.DEFAULT_FAULT_MINUTES),
          a.intValue("--tail-minutes", NezhaOptions.DEFAULT_TAIL_MINUTES),
          a.intValue("--quiet-minutes", 0));
    } catch (IllegalArgumentException e) {
      System.err.println("convert-nezha: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    NezhaDataset d = NezhaConverter.convert(o);
    d.write(out, gzip);
    System.out.printf("%s %s: %d history records, %d live records (%s .. %s), %d incidents, %d services -> %s%n",
        o.system().provider, o.date(), d.history().size(), d.live().size(), d.liveStart(),
        d.liveEnd(), d.incidents().size(), d.metadata().get("services").asInt(), out);
  }
}
