package dev.stormwatch;

import dev.stormwatch.config.JobConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's file sources (input and warm-up files): bounded when the whole job is bounded, and
 * never finishing next to an unbounded Kafka input, so that a finished file source cannot hold
 * the job's event time at the end of time.
 *
 * <p>A bounded Flink source that finishes emits the end-of-input watermark ({@code Long.MAX_VALUE})
 * on its channels, and a task restored as finished from a checkpoint or savepoint replays it,
 * bypassing its operators. Once every live input is idle, that channel is the only one the keyed
 * operators count: their watermark jumps to the end of time, every event-time timer fires (state
 * retention wipes baselines, beliefs and open alerts) and every later record is late. Next to an
 * unbounded input, the files are therefore read by a continuously monitoring source that never
 * finishes: after its last record the event-time assigner's idleness marks it idle, so it neither
 * holds the live input back nor pushes event time past it.
 */
public final class FileInputs {
  /** The slowest rescan of continuously monitored paths (the first scan also waits this long). */
  static final Duration MAX_RESCAN = Duration.ofSeconds(1);

  private FileInputs() {}

  /**
   * How often continuously monitored file paths are rescanned, or null when the file sources are
   * bounded (no Kafka input, or a bounded one). Well below the idle timeout, so that a file source
   * starts reading before its idleness lets a live input's watermark pass the file's records.
   */
  static Duration rescanInterval(JobConfig cfg) {
    boolean unboundedKafka = !cfg.kafkaBootstrap.isEmpty() && !cfg.inputTopics.isEmpty()
        && !cfg.kafkaBounded;
    if (!unboundedKafka) {
      return null;
    }
    Duration quarterIdle = cfg.idleTimeout.dividedBy(4);
    return quarterIdle.compareTo(MAX_RESCAN) < 0 ? quarterIdle : MAX_RESCAN;
  }

  /**
   * A source of the files' lines under {@code uid}: bounded when {@code rescan} is null, otherwise
   * monitoring the paths every {@code rescan} (each file is read once; its path is remembered in
   * the source's checkpointed state, so a restore does not read it again).
   */
  public static DataStream<String> source(
      StreamExecutionEnvironment env, List<String> paths, String uid, Duration rescan) {
    org.apache.flink.core.fs.Path[] p = paths.stream()
        .map(s -> new org.apache.flink.core.fs.Path(Path.of(s).toAbsolutePath().toUri()))
        .toArray(org.apache.flink.core.fs.Path[]::new);
    FileSource.FileSourceBuilder<String> builder =
        FileSource.forRecordStreamFormat(new TextLineInputFormat(), p);
    if (rescan != null) {
      builder.monitorContinuously(rescan);
    }
    return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), uid).uid(uid);
  }
}
