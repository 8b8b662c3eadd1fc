package dev.stormwatch.eval.nab;

import java.util.List;

/**
 * What a detector may know about the file it is about to score: its path, its length and, for
 * oracle detectors such as {@code perfect} only, its label windows.
 */
public record SeriesContext(String relativePath, int rows, List<LabelWindow> windows) {}
