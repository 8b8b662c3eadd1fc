package dev.stormwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.sink.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;

/** Helpers for tests that run the job on a MiniCluster: reading its JSON Lines output, cleaning up. */
public final class JobRuns {
  private JobRuns() {}

  /** Parses a JSON Lines file; a missing file reads as empty. */
  public static List<JsonNode> readJsonLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JsonCodec.mapper().readTree(line));
      }
    }
    return out;
  }

  /** Cancels the job unless it already ended, and waits for it to end. */
  public static void cancelQuietly(JobClient job) {
    try {
      if (!job.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
        job.cancel().get(30, TimeUnit.SECONDS);
      }
      job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the job is gone or already failed; the caller reports the original failure
    }
  }
}
