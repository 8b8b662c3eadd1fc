package dev.stormwatch.alert.routing;

import dev.stormwatch.event.AlertEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Matchers on an alert's provider, service and severity; an absent matcher matches anything. */
public final class AlertMatchers implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LabelMatcher provider;
  private final LabelMatcher service;
  private final LabelMatcher severity;

  /** Each argument is null (match all), an exact value or {@code ~regex}. */
  public AlertMatchers(String provider, String service, String severity) {
    this.provider = provider == null ? null : LabelMatcher.parse(provider);
    this.service = service == null ? null : LabelMatcher.parse(service);
    this.severity = severity == null ? null : LabelMatcher.parse(severity);
  }

  public boolean matches(AlertEvent a) {
    return (provider == null || provider.matches(a.provider()))
        && (service == null || service.matches(a.service()))
        && (severity == null || severity.matches(a.severity()));
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (provider != null) {
      parts.add("provider=" + provider);
    }
    if (service != null) {
      parts.add("service=" + service);
    }
    if (severity != null) {
      parts.add("severity=" + severity);
    }
    return parts.isEmpty() ? "{all alerts}" : "{" + String.join(", ", parts) + "}";
  }
}
