package dev.stormwatch.model.logs;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.stormwatch.model.DeviceUnavailableException;
import dev.stormwatch.model.InferenceDevice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** Opens ONNX Runtime sessions on the asked {@link InferenceDevice}. */
final class OnnxSessions {
  private static final long INIT_STACK_BYTES = 64L << 20;
  private static OrtEnvironment environment;

  private OnnxSessions() {}

  /** A session and the device it really runs on ({@code cpu} or {@code cuda:N}). */
  record Opened(OrtSession session, String device) {}

  /**
   * Opens a session on the options' device; {@code auto} falls back to the CPU with one INFO line
   * when the CUDA execution provider cannot be added.
   *
   * @throws DeviceUnavailableException when {@code cuda:N} was asked for and cannot be used
   */
  static Opened open(byte[] model, EmbedderOptions options) throws OrtException {
    OrtEnvironment env = environment();
    InferenceDevice device = InferenceDevice.parse(options.device());
    if (!device.cpu()) {
      try (OrtSession.SessionOptions so = baseOptions(options)) {
        so.addCUDA(device.cudaIndex());
        return new Opened(env.createSession(model, so), device.runsOn());
      } catch (OrtException | RuntimeException e) {
        device.fallBackOrFail("sentence embedder (ONNX Runtime CUDA execution provider)",
            firstLine(e.getMessage()));
      }
    }
    try (OrtSession.SessionOptions so = baseOptions(options)) {
      return new Opened(env.createSession(model, so), "cpu");
    }
  }

  /**
   * The ONNX Runtime environment, created once on a helper thread with a 64 MiB stack: loading the
   * native library on a thread with the JVM's default 1 MiB stack crashed the JVM (SIGSEGV) on this
   * project's classpath, whereas sessions then open and run fine on ordinary threads.
   */
  static synchronized OrtEnvironment environment() {
    if (environment == null) {
      ensureTempDir();
      AtomicReference<OrtEnvironment> created = new AtomicReference<>();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Runnable init =
          () -> {
            try {
              created.set(OrtEnvironment.getEnvironment());
            } catch (Throwable e) {
              failure.set(e);
            }
          };
      Thread thread = new Thread(null, init, "onnxruntime-init", INIT_STACK_BYTES);
      thread.setDaemon(true);
      thread.start();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading ONNX Runtime", e);
      }
      if (failure.get() != null) {
        throw new IllegalStateException("ONNX Runtime cannot load: " + failure.get(), failure.get());
      }
      environment = created.get();
    }
    return environment;
  }

  private static OrtSession.SessionOptions baseOptions(EmbedderOptions options) throws OrtException {
    OrtSession.SessionOptions so = new OrtSession.SessionOptions();
    so.setIntraOpNumThreads(options.intraOpThreads());
    so.setInterOpNumThreads(1);
    so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    return so;
  }

  /** ONNX Runtime unpacks its native library into java.io.tmpdir, which must exist. */
  private static void ensureTempDir() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    if (!Files.isDirectory(tmp)) {
      try {
        Files.createDirectories(tmp);
      } catch (IOException e) {
        throw new UncheckedIOException("java.io.tmpdir " + tmp + " does not exist and cannot be created", e);
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
