package dev.stormwatch.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Configures DJL for this process (offline, one intra-op and one inter-op thread), loads PyTorch
 * and resolves the configured {@link InferenceDevice} to a DJL device; counts a block's trainable
 * parameters.
 */
public final class DjlRuntime {
  /** The DJL engine the hybrid model runs on. */
  public static final String ENGINE = "PyTorch";

  private static volatile String loadError;
  private static volatile boolean checked;
  private static final Map<InferenceDevice, Device> RESOLVED = new ConcurrentHashMap<>();

  private DjlRuntime() {}

  /** Trainable parameters of an initialised block (arrays that require a gradient). */
  public static long trainableParameters(Block block) {
    return block.getParameters().values().stream().filter(p -> p.requiresGradient())
        .mapToLong(p -> p.getArray().size()).sum();
  }

  /**
   * An array of {@code data} in memory PyTorch allocated. {@code NDManager.create} wraps a Java
   * direct buffer, aligned to 16 bytes only, where PyTorch's own allocations are aligned to 64;
   * native kernels may sum in another order for another alignment, so a model fed wrapped buffers
   * can give other bits on another run. One copy per batch.
   */
  public static NDArray owned(NDManager manager, float[] data, Shape shape) {
    try (NDArray wrapped = manager.create(data, shape)) {
      return wrapped.duplicate();
    }
  }

  /** Sets the DJL system properties unless the user already chose other values. */
  public static void configure() {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.pytorch.num_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
  }

  /** The PyTorch engine, configured first; throws when the native library cannot load. */
  public static Engine engine() {
    configure();
    return Engine.getEngine(ENGINE);
  }

  /** True when the PyTorch native library loads on this machine. */
  public static synchronized boolean available() {
    if (!checked) {
      checked = true;
      try {
        engine();
      } catch (Throwable e) {
        loadError = e.toString();
      }
    }
    return loadError == null;
  }

  /** Why the engine did not load, or null. */
  public static String loadError() {
    available();
    return loadError;
  }

  /**
   * The DJL device the hybrid model runs on: the CPU for {@code cpu}; GPU N when PyTorch sees it and
   * can allocate on it; else the CPU after one INFO line for {@code auto}, or a {@link
   * DeviceUnavailableException} for {@code cuda:N}. Resolved once per process and device.
   */
  public static Device device(InferenceDevice wanted) {
    if (wanted.cpu()) {
      return Device.cpu();
    }
    return RESOLVED.computeIfAbsent(wanted, DjlRuntime::resolve);
  }

  /** {@link #device} without the per-process memory (logs again each call). */
  static Device resolve(InferenceDevice wanted) {
    String why = gpuProblem(wanted.cudaIndex());
    if (why == null) {
      return Device.gpu(wanted.cudaIndex());
    }
    wanted.fallBackOrFail("hybrid model (DJL " + ENGINE + ")", why);
    return Device.cpu();
  }

  /** Null when PyTorch can allocate on GPU {@code index}, else why not. */
  private static String gpuProblem(int index) {
    Engine engine;
    try {
      engine = engine();
    } catch (Throwable e) {
      return "the PyTorch native library does not load (" + e + ")";
    }
    int gpus = engine.getGpuCount();
    if (index >= gpus) {
      return "PyTorch " + engine.getVersion() + " sees " + gpus + " GPU" + (gpus == 1 ? "" : "s")
          + (gpus == 0 ? " (CPU-only native library, no CUDA driver, or CUDA_VISIBLE_DEVICES empty)" : "");
    }
    try (NDManager probe = NDManager.newBaseManager(Device.gpu(index), ENGINE)) {
      probe.zeros(new Shape(1)).toFloatArray();
      return null;
    } catch (RuntimeException e) {
      return "allocating on GPU " + index + " failed (" + e.getMessage() + ")";
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
