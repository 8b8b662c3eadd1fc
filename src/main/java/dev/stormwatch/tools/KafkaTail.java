package dev.stormwatch.tools;

import dev.stormwatch.cli.CliArgs;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the values of a Kafka topic, one per line, without joining a consumer group.
 *
 * <p>Usage: {@code --bootstrap HOST:PORT --topic T [--from-beginning] [--max N] [--timeout-s S]}.
 * Without {@code --from-beginning} only new records are printed. It stops after {@code --max}
 * records, or once no record arrived for {@code --timeout-s} seconds, or on Ctrl-C.
 */
public final class KafkaTail {

  private static final String USAGE =
      "usage: KafkaTail --bootstrap HOST:PORT --topic T [--from-beginning] [--max N] [--timeout-s S]";

  private KafkaTail() {}

  public static void main(String[] args) {
    CliArgs cli;
    long max;
    double idleSeconds;
    try {
      cli = CliArgs.parse(args, Set.of("--bootstrap", "--topic", "--max", "--timeout-s"), Set.of("--from-beginning"));
      cli.required("--bootstrap");
      cli.required("--topic");
      max = (long) cli.nonNegative("--max", 0);
      idleSeconds = cli.nonNegative("--timeout-s", 0);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(64);
      return;
    }
    long printed =
        tail(cli.required("--bootstrap"), cli.required("--topic"), cli.flag("--from-beginning"),
            max, idleSeconds, System.out);
    System.err.println("[kafka-tail] " + printed + " records");
  }

  /**
   * Prints values of {@code topic} to {@code out} until a stop condition holds.
   *
   * @param max stop after this many records; 0 for no limit
   * @param idleSeconds stop when nothing arrived for this long; 0 to wait forever
   * @return the number of records printed
   */
  public static long tail(
      String bootstrap, String topic, boolean fromBeginning, long max, double idleSeconds, PrintStream out) {
    long printed = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap))) {
      Thread main = Thread.currentThread();
      Thread hook = new Thread(() -> {
        consumer.wakeup();
        joinQuietly(main);
      });
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        List<TopicPartition> partitions = partitions(consumer, topic);
        consumer.assign(partitions);
        if (fromBeginning) {
          consumer.seekToBeginning(partitions);
        } else {
          consumer.seekToEnd(partitions);
        }
        long idleNanos = (long) (idleSeconds * 1e9);
        long lastRecord = System.nanoTime();
        while (max == 0 || printed < max) {
          for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            out.println(record.value() == null ? "" : record.value());
            lastRecord = System.nanoTime();
            if (++printed == max) {
              break;
            }
          }
          out.flush();
          if (idleNanos > 0 && System.nanoTime() - lastRecord >= idleNanos) {
            break;
          }
        }
      } catch (WakeupException interrupted) {
        out.flush();
      } finally {
        removeHookQuietly(hook);
      }
    }
    return printed;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
    }
    return infos.stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .collect(Collectors.toList());
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHookQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting through the hook; nothing to remove
    }
  }

  private static Properties consumerProps(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "stormwatch-tail");
    return props;
  }
}
