package dev.stormwatch.eval.nab;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** NAB label windows ({@code labels/combined_windows.json}) keyed by relative data path. */
public final class NabLabels {
  private final Map<String, List<LabelWindow>> windows;

  public NabLabels(Map<String, List<LabelWindow>> windows) {
    this.windows = Map.copyOf(windows);
  }

  /** Loads a {@code combined_windows.json} file. */
  public static NabLabels load(Path windowsFile) throws IOException {
    Map<String, List<List<String>>> raw =
        new ObjectMapper().readValue(windowsFile.toFile(), new TypeReference<>() {});
    Map<String, List<LabelWindow>> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, List<List<String>>> entry : raw.entrySet()) {
      List<LabelWindow> list = new ArrayList<>();
      for (List<String> pair : entry.getValue()) {
        if (pair.size() != 2) {
          throw new IOException(entry.getKey() + ": window must be [start, end], got " + pair);
        }
        list.add(
            new LabelWindow(NabTime.parseMillis(pair.get(0)), NabTime.parseMillis(pair.get(1))));
      }
      list.sort(Comparator.comparingLong(LabelWindow::startMillis));
      parsed.put(entry.getKey().replace('\\', '/'), List.copyOf(list));
    }
    return new NabLabels(parsed);
  }

  /** True when the labels list the file. */
  public boolean has(String relativePath) {
    return windows.containsKey(relativePath);
  }

  /** The file's windows; fails for files the labels do not list (NAB would fail too). */
  public List<LabelWindow> windowsOf(String relativePath) {
    List<LabelWindow> list = windows.get(relativePath);
    if (list == null) {
      throw new IllegalArgumentException("no label windows for " + relativePath);
    }
    return list;
  }

  /** NAB's per-row label: 1 inside any window (inclusive), else 0. */
  public static int[] rowLabels(long[] timesMillis, List<LabelWindow> windows) {
    int[] labels = new int[timesMillis.length];
    for (int i = 0; i < timesMillis.length; i++) {
      for (LabelWindow window : windows) {
        if (window.contains(timesMillis[i])) {
          labels[i] = 1;
          break;
        }
      }
    }
    return labels;
  }
}
