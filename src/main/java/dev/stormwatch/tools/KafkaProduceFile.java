package dev.stormwatch.tools;

import dev.stormwatch.cli.CliArgs;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Produces every non-blank line of a JSON Lines file (plain or gzip) to a Kafka topic, optionally
 * paced to a rate, and prints how many records were written.
 *
 * <p>Usage: {@code --bootstrap HOST:PORT --topic T --file F [--rate N/s]}
 */
public final class KafkaProduceFile {

  private static final String USAGE =
      "usage: KafkaProduceFile --bootstrap HOST:PORT --topic T --file F [--rate N/s]";

  private KafkaProduceFile() {}

  public static void main(String[] args) throws Exception {
    CliArgs cli;
    try {
      cli = CliArgs.parse(args, Set.of("--bootstrap", "--topic", "--file", "--rate"), Set.of());
      cli.required("--bootstrap");
      cli.required("--topic");
      cli.required("--file");
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(64);
      return;
    }
    Path file = Path.of(cli.required("--file"));
    if (!Files.isReadable(file)) {
      System.err.println("cannot read " + file);
      System.exit(66);
    }
    long sent =
        produce(cli.required("--bootstrap"), cli.required("--topic"), file, cli.nonNegative("--rate", 0));
    System.out.println("Produced " + sent + " records from " + file + " to " + cli.required("--topic"));
  }

  /**
   * Sends the non-blank lines of {@code file} and waits until all are acknowledged.
   *
   * @param ratePerSecond records per second, 0 for as fast as possible
   * @return the number of records written
   * @throws IOException when the file cannot be read or any record failed to be written
   */
  public static long produce(String bootstrap, String topic, Path file, double ratePerSecond)
      throws IOException, InterruptedException {
    AtomicLong acked = new AtomicLong();
    AtomicLong tooLarge = new AtomicLong();
    AtomicReference<Exception> firstError = new AtomicReference<>();
    long start = System.nanoTime();
    long sent = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap));
        BufferedReader lines = open(file)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (ratePerSecond > 0) {
          pace(start, sent, ratePerSecond);
        }
        producer.send(
            new ProducerRecord<>(topic, line),
            (metadata, error) -> {
              if (error == null) {
                acked.incrementAndGet();
              } else if (error instanceof RecordTooLargeException) {
                tooLarge.incrementAndGet();
              } else {
                firstError.compareAndSet(null, error);
              }
            });
        sent++;
      }
      producer.flush();
    }
    if (tooLarge.get() > 0) {
      System.err.println("skipped " + tooLarge.get() + " record(s) larger than the producer's"
          + " max.request.size (Kafka cannot carry them; the job would dead-letter them as too_large)");
    }
    if (firstError.get() != null) {
      throw new IOException(
          (sent - acked.get() - tooLarge.get()) + " of " + sent + " records failed: " + firstError.get().getMessage(),
          firstError.get());
    }
    return acked.get();
  }

  private static void pace(long startNanos, long alreadySent, double ratePerSecond)
      throws InterruptedException {
    long due = startNanos + (long) (alreadySent * 1e9 / ratePerSecond);
    long wait = due - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Opens the file as UTF-8 text, gunzipping it when it starts with the gzip magic bytes. */
  static BufferedReader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static Properties producerProps(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "stormwatch-produce-file");
    return props;
  }
}
