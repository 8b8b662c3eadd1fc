package dev.stormwatch.eval;

import java.time.Instant;

/**
 * The span an alert was open: from a firing event to the matching resolved event of the same
 * dedup key, or to the end of the data.
 *
 * @param dedupKey the alert's dedup key
 * @param provider provider of the firing event
 * @param service service of the firing event
 * @param start event time of the firing event that opened it
 * @param end event time of the resolving event, or the end of the data
 * @param resolved whether a resolved event closed it
 */
public record AlertEpisode(
    String dedupKey, String provider, String service, Instant start, Instant end,
    boolean resolved) {}
