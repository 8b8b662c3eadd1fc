package dev.stormwatch.model.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainTemplateMinerTest {
  private static final Path LOGHUB = Path.of("../shared/datasets/loghub");

  @Test
  void masksVariablePartsButKeepsWords() {
    assertThat(LogMasker.mask("GET https://api.example.com/v1/users?id=7 took 250ms"))
        .isEqualTo("GET <url> took <dur>");
    assertThat(LogMasker.mask("request 3f2a9c1e-4b5d-4e6f-8a7b-9c0d1e2f3a4b from 10.0.0.7:8080 and fe80::1ff:fe23:4567:890a"))
        .isEqualTo("request <uuid> from <ip> and <ip>");
    assertThat(LogMasker.mask("open /var/log/app.log failed, user 'alice' retry 3 of 5 after 1.5s"))
        .isEqualTo("open <path> failed, user <str> retry <num> of <num> after <dur>");
    assertThat(LogMasker.mask("block blk_-6952295868487656571 addr 0x7ffd3a2c rhost=218.188.2.4 size=512MB"))
        .isEqualTo("block blk_<num> addr <hex> rhost=<ip> size=<num>");
    assertThat(LogMasker.mask("don't panic: worker-12 at 15:16:01 hash a3f9c2b1d4e5"))
        .isEqualTo("don't panic: worker-<num> at <num>:<num>:<num> hash <hex>");
    assertThat(LogMasker.mask("\"GET /v2/servers HTTP/1.1\" status: 200"))
        .isEqualTo("\"GET <path> HTTP/<num>\" status: <num>");
  }

  @Test
  void mergesLinesOfOneTemplateAndSeparatesOthers() {
    DrainTemplateMiner miner = new DrainTemplateMiner();
    MineResult a = miner.add("Connection from 10.0.0.1 closed by peer alice");
    MineResult b = miner.add("Connection from 10.0.0.2 closed by peer bob");
    MineResult c = miner.add("Disk /dev/sda1 is 91% full");
    MineResult d = miner.add("Connection from 10.0.0.3 closed by peer carol");

    assertThat(a.change()).isEqualTo(MineResult.Change.CREATED);
    assertThat(b.clusterId()).isEqualTo(a.clusterId());
    assertThat(b.change()).isEqualTo(MineResult.Change.GENERALISED);
    assertThat(b.template()).isEqualTo("Connection from <ip> closed by peer <*>");
    assertThat(d.change()).isEqualTo(MineResult.Change.NONE);
    assertThat(d.count()).isEqualTo(3);
    assertThat(c.clusterId()).isNotEqualTo(a.clusterId());
    assertThat(miner.clusterCount()).isEqualTo(2);
    assertThat(miner.lines()).isEqualTo(4);
  }

  @Test
  void keepsTheIdStableAsTheTemplateGeneralisesAndAcrossInstances() {
    DrainTemplateMiner first = new DrainTemplateMiner();
    long id = first.add("login of user alice from web console").clusterId();
    first.add("login of user bob from web console");
    first.add("login of user carol from mobile console");
    assertThat(first.cluster(id).template()).isEqualTo("login of user <*> from <*> console");
    assertThat(first.clusterCount()).isEqualTo(1);

    DrainTemplateMiner second = new DrainTemplateMiner();
    assertThat(second.add("login of user alice from web console").clusterId()).isEqualTo(id);
    assertThat(id).isEqualTo(TemplateIds.of("login of user alice from web console"));
  }

  @Test
  void evictsTheLeastRecentlyUsedClusterWhenFull() {
    DrainTemplateMiner miner = new DrainTemplateMiner(DrainConfig.DEFAULTS.withMaxClusters(3));
    long alpha = miner.add("alpha service started cleanly").clusterId();
    long beta = miner.add("beta queue drained completely").clusterId();
    miner.add("gamma cache warmed up nicely");
    miner.add("alpha service started cleanly");
    miner.add("delta shard rebalanced after split");

    assertThat(miner.clusterCount()).isEqualTo(3);
    assertThat(miner.evictions()).isEqualTo(1);
    assertThat(miner.cluster(beta)).isNull();
    assertThat(miner.cluster(alpha).count()).isEqualTo(2);
    for (int i = 0; i < 50; i++) {
      miner.add("event" + (char) ('a' + i % 26) + " word" + i + "x kind" + (char) ('a' + i / 26));
    }
    assertThat(miner.clusterCount()).isEqualTo(3);
    MineResult back = miner.add("beta queue drained completely");
    assertThat(back.change()).isEqualTo(MineResult.Change.CREATED);
    assertThat(back.clusterId()).isEqualTo(beta);
  }

  @Test
  void matchFindsTheCoveringClusterWithoutLearning() {
    DrainTemplateMiner miner = new DrainTemplateMiner();
    miner.add("job 17 finished in 3s with status ok");
    miner.add("job 18 finished in 5s with status ok");
    LogCluster hit = miner.match("job 99 finished in 9s with status ok");
    assertThat(hit).isNotNull();
    assertThat(hit.count()).isEqualTo(2);
    assertThat(miner.match("job 99 finished in 9s with status failed")).isNull();
    assertThat(miner.match("something else entirely")).isNull();
    assertThat(miner.lines()).isEqualTo(2);
  }

  @Test
  void snapshotRoundTripRestoresAnEquivalentMiner() {
    DrainTemplateMiner miner = new DrainTemplateMiner(DrainConfig.DEFAULTS.withMaxClusters(50));
    List<String> lines = syntheticLines(400, 1);
    lines.forEach(miner::add);
    DrainTemplateMiner restored = DrainTemplateMiner.fromBytes(miner.toBytes());

    assertThat(restored.config()).isEqualTo(miner.config());
    assertThat(restored.lines()).isEqualTo(miner.lines());
    assertThat(restored.evictions()).isEqualTo(miner.evictions());
    assertThat(describe(restored)).isEqualTo(describe(miner));
    for (String line : syntheticLines(300, 2)) {
      assertThat(restored.add(line)).isEqualTo(miner.add(line));
    }
    assertThat(restored.toBytes()).isEqualTo(miner.toBytes());
  }

  @Test
  void rejectsCorruptSnapshots() {
    byte[] bytes = new DrainTemplateMiner().toBytes();
    bytes[0] ^= 0x7f;
    assertThatThrownBy(() -> DrainTemplateMiner.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class);
    byte[] good = minerWithClusters().toBytes();
    byte[] truncated = Arrays.copyOf(good, good.length - 5);
    assertThatThrownBy(() -> DrainTemplateMiner.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void groupingAccuracyFollowsTheLogPaiDefinition() {
    assertThat(GroupingAccuracy.of(List.of(1, 1, 2, 3), List.of("a", "a", "b", "b"))).isEqualTo(0.5);
    assertThat(GroupingAccuracy.of(List.of(1, 1, 1, 2), List.of("a", "a", "b", "c"))).isEqualTo(0.25);
    assertThat(GroupingAccuracy.of(List.of(7, 7, 8), List.of("x", "x", "y"))).isEqualTo(1.0);
  }

  @Test
  void reachesTheMeasuredGroupingAccuracyOnLogHub() throws Exception {
    assumeTrue(Files.isDirectory(LOGHUB), "LogHub samples not present at " + LOGHUB);
    double sum = 0;
    for (String system : LogHubSample.SYSTEMS) {
      LogHubSample sample = LogHubSample.load(LOGHUB, system);
      assertThat(sample.contents()).hasSize(2000);
      double accuracy = LogHubGroupingReport.accuracy(sample, DrainConfig.DEFAULTS);
      sum += accuracy;
      double floor =
          switch (system) {
            case "HDFS", "Apache" -> 0.97;
            case "BGL", "OpenSSH", "Zookeeper", "HealthApp" -> 0.95;
            default -> 0.0;
          };
      assertThat(accuracy).as(system).isGreaterThanOrEqualTo(floor);
    }
    assertThat(sum / LogHubSample.SYSTEMS.size()).as("average").isGreaterThanOrEqualTo(0.86);
  }

  private static DrainTemplateMiner minerWithClusters() {
    DrainTemplateMiner miner = new DrainTemplateMiner();
    syntheticLines(50, 3).forEach(miner::add);
    return miner;
  }

  private static List<String> describe(DrainTemplateMiner miner) {
    List<String> out = new ArrayList<>();
    for (LogCluster c : miner.clusters()) {
      out.add(c.id() + "|" + c.count() + "|" + c.template());
    }
    return out;
  }

  /** Lines of 80 templates with variable numbers, hosts and words. */
  private static List<String> syntheticLines(int n, long seed) {
    java.util.Random random = new java.util.Random(seed);
    String[] verbs = {"opened", "closed", "rejected", "retried", "dropped"};
    String[] nouns = {"session", "socket", "lease", "ticket"};
    String[] users = {"alice", "bob", "carol", "dave", "erin"};
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int t = random.nextInt(80);
      lines.add(
          "svc" + (char) ('a' + t % 20) + " " + nouns[t / 20] + " " + verbs[random.nextInt(verbs.length)]
              + " for " + users[random.nextInt(users.length)] + " after " + random.nextInt(900) + "ms on 10.0.0."
              + random.nextInt(255));
    }
    return lines;
  }
}
