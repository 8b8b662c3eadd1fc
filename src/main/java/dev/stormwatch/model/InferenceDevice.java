package dev.stormwatch.model;

import java.io.Serializable;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where model inference runs, as configured ({@code detector.device}, {@code --device}): {@code
 * auto} (the first GPU when its runtime loads, else the CPU with one INFO line), {@code cpu}, or
 * {@code cuda:N} / {@code cuda} (GPU N / 0; an error when it cannot be used).
 *
 * @param cudaIndex the GPU asked for (0 for auto), or -1 for the CPU
 * @param auto true for {@code auto}
 */
public record InferenceDevice(int cudaIndex, boolean auto) implements Serializable {
  private static final Logger LOG = LoggerFactory.getLogger(InferenceDevice.class);

  /** The default: a GPU when one is usable, else the CPU. */
  public static final InferenceDevice AUTO = new InferenceDevice(0, true);
  /** The CPU. */
  public static final InferenceDevice CPU = new InferenceDevice(-1, false);

  public InferenceDevice {
    if (cudaIndex < -1 || (auto && cudaIndex != 0)) {
      throw new IllegalArgumentException("invalid device: cuda index " + cudaIndex + ", auto " + auto);
    }
  }

  /** Parses {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N} (case and blanks ignored). */
  public static InferenceDevice parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("device must be auto, cpu or cuda:N, got nothing");
    }
    String d = text.trim().toLowerCase(Locale.ROOT);
    switch (d) {
      case "auto":
        return AUTO;
      case "cpu":
        return CPU;
      case "cuda":
        return new InferenceDevice(0, false);
      default:
        if (d.startsWith("cuda:") && d.length() > 5 && d.substring(5).chars().allMatch(Character::isDigit)
            && d.length() <= 9) {
          return new InferenceDevice(Integer.parseInt(d.substring(5)), false);
        }
        throw new IllegalArgumentException("device must be auto, cpu or cuda:N, got '" + text + "'");
    }
  }

  /** True for {@code cpu}. */
  public boolean cpu() {
    return cudaIndex < 0;
  }

  /** The device a session runs on when the GPU is usable: {@code cpu} or {@code cuda:N}. */
  public String runsOn() {
    return cpu() ? "cpu" : "cuda:" + cudaIndex;
  }

  /**
   * The asked GPU cannot be used by {@code runtime} because of {@code why}: with {@code auto} logs
   * one INFO line and returns (the caller runs on the CPU); otherwise throws.
   *
   * @throws DeviceUnavailableException unless this is {@code auto}
   */
  public void fallBackOrFail(String runtime, String why) {
    if (auto) {
      LOG.info("{}: device auto runs on the CPU: {}", runtime, why);
      return;
    }
    throw new DeviceUnavailableException(String.format(Locale.ROOT,
        "%s: device %s was asked for but cannot be used: %s. Set detector.device (--device) to auto"
            + " or cpu, or run a build with -Pgpu on a host with CUDA 12, cuDNN 9 and that GPU",
        runtime, this, why));
  }

  @Override
  public String toString() {
    return auto ? "auto" : runsOn();
  }
}
