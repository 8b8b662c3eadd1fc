package dev.stormwatch.eval.calibration;

/**
 * One live window with both probabilities and its label.
 *
 * @param key keyBy key (provider|service)
 * @param windowEnd end of the window, epoch millis
 * @param score the detector's raw score
 * @param posterior the Bayesian layer's posterior for the window
 * @param incident true when the window overlaps an incident of the same provider and service
 */
public record ScoredWindow(String key, long windowEnd, double score, double posterior, boolean incident) {}
