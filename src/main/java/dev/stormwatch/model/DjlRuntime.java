package dev.stormwatch.model;

import ai.djl.engine.Engine;

/** Configures DJL for this process (offline, one intra-op and one inter-op thread) and loads PyTorch. */
public final class DjlRuntime {
  /** The DJL engine the hybrid model runs on. */
  public static final String ENGINE = "PyTorch";

  private static volatile String loadError;
  private static volatile boolean checked;

  private DjlRuntime() {}

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

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
