package dev.stormwatch.model.logs;

/**
 * One template's activity in a window: id, text, line count, highest OpenTelemetry severity number
 * (1-24) and whether the template is new (never seen before this window).
 */
public record TemplateStat(long id, String text, int count, int severity, boolean novel) {}
