package dev.stormwatch.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One alert event of the output contract (a JSON Lines row or a Kafka message). */
@JsonPropertyOrder({
  "alert_id", "dedup_key", "status", "severity", "provider", "region", "service", "event_time",
  "emitted_at", "score", "posterior", "uncertainty", "model_version", "summary", "contributors", "log_evidence"
})
public record AlertEvent(
    @JsonProperty("alert_id") String alertId,
    @JsonProperty("dedup_key") String dedupKey,
    @JsonProperty("status") String status,
    @JsonProperty("severity") String severity,
    @JsonProperty("provider") String provider,
    @JsonProperty("region") String region,
    @JsonProperty("service") String service,
    @JsonProperty("event_time") String eventTime,
    @JsonProperty("emitted_at") String emittedAt,
    @JsonProperty("score") double score,
    @JsonProperty("posterior") double posterior,
    @JsonProperty("uncertainty") double uncertainty,
    @JsonProperty("model_version") String modelVersion,
    @JsonProperty("summary") String summary,
    @JsonProperty("contributors") List<Contributor> contributors,
    @JsonProperty("log_evidence") List<String> logEvidence) {

  public static final String FIRING = "firing";
  public static final String RESOLVED = "resolved";
  /** A heads-up the model raised before the alert is confirmed: Slack only, never a page. */
  public static final String EARLY_WARNING = "early_warning";
  /** An early warning that calmed down without becoming a page. */
  public static final String EARLY_WARNING_CLEARED = "early_warning_cleared";

  /** True for the early-warning statuses (which never open or close a page). */
  @JsonIgnore
  public boolean isEarlyWarning() {
    return EARLY_WARNING.equals(status) || EARLY_WARNING_CLEARED.equals(status);
  }

  /** A signal that explains part of the score. */
  public record Contributor(
      @JsonProperty("signal") String signal, @JsonProperty("weight") double weight) {}
}
