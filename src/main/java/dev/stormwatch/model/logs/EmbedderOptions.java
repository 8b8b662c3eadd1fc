package dev.stormwatch.model.logs;

import dev.stormwatch.model.InferenceDevice;

/**
 * Settings of a {@link SentenceEmbedder}: longest token sequence (longer texts are truncated), ONNX
 * Runtime intra-op threads, device ({@code auto}, {@code cpu} or {@code cuda:N}, see {@link
 * InferenceDevice}: {@code auto} falls back to the CPU when no CUDA provider can be added, {@code
 * cuda:N} then fails) and the most texts per model call.
 */
public record EmbedderOptions(int maxSequenceLength, int intraOpThreads, String device, int maxBatch) {

  /** 128 tokens, 1 thread, device auto, batches of 32. */
  public static final EmbedderOptions DEFAULTS = new EmbedderOptions(128, 1, "auto", 32);

  public EmbedderOptions {
    if (maxSequenceLength < 2 || intraOpThreads < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("maxSequenceLength >= 2, intraOpThreads >= 1, maxBatch >= 1 required");
    }
    cudaIndex(device);
  }

  public EmbedderOptions withDevice(String newDevice) {
    return new EmbedderOptions(maxSequenceLength, intraOpThreads, newDevice, maxBatch);
  }

  public EmbedderOptions withIntraOpThreads(int threads) {
    return new EmbedderOptions(maxSequenceLength, threads, device, maxBatch);
  }

  public EmbedderOptions withMaxSequenceLength(int tokens) {
    return new EmbedderOptions(tokens, intraOpThreads, device, maxBatch);
  }

  /** The CUDA device index the device asks for (0 for {@code auto}), or -1 for {@code cpu}. */
  public static int cudaIndex(String device) {
    return InferenceDevice.parse(device).cudaIndex();
  }
}
