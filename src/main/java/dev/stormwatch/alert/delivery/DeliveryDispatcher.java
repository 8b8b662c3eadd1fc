package dev.stormwatch.alert.delivery;

import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Delivers alerts to PagerDuty, Slack and Alertmanager without ever blocking its caller: each
 * endpoint has an ordered queue with one request in flight ({@link JsonPoster#sendOnce}), and
 * {@link #tick} (called from the task thread, e.g. by processing-time timers) collects finished
 * requests and starts the next ones. Retryable failures (429, 5xx, timeouts, refused connections)
 * keep the notification at the head of its queue with exponential backoff and jitter (at least the
 * Retry-After) until it is delivered or older than {@code maxAge}; a refusal (4xx) dead-letters it
 * at once. PagerDuty sends are rate-limited per routing key, Slack messages spaced by {@code
 * slackInterval} with everything queued meanwhile coalesced into one digest; firing alerts are
 * re-sent to Alertmanager every {@code alertmanagerResend}; a model version not seen before raises
 * one PagerDuty change event. Early warnings (and their clearing) go to Slack only: they are
 * heads-ups, not pages. Not thread-safe.
 */
public final class DeliveryDispatcher {
  public static final String PAGERDUTY = "pagerduty";
  public static final String SLACK = "slack";
  public static final String ALERTMANAGER = "alertmanager";
  private static final int MAX_VERSIONS = 32;

  private final DeliveryConfig config;
  private final DeliverySettings settings;
  private final JsonPoster poster;
  private final DoubleSupplier jitter;
  private final RetryPolicy retry;
  private final NotificationRequests requests;
  private final TokenBucket pagerDutyRate;
  private final Map<String, EndpointQueue> queues = new LinkedHashMap<>();
  private final Map<String, AlertEvent> firing = new LinkedHashMap<>();
  private final LinkedHashSet<String> versions = new LinkedHashSet<>();
  private final List<Notification> orphans = new ArrayList<>();
  private String latestVersion;
  private long nextRefreshAt = Long.MAX_VALUE;
  private long delivered;
  private long retried;
  private long deadLettered;

  public DeliveryDispatcher(DeliveryConfig config, DeliverySettings settings, JsonPoster poster,
      DoubleSupplier jitter, long nowMillis) {
    this.config = config;
    this.settings = settings;
    this.poster = poster;
    this.jitter = jitter;
    this.retry = settings.retryPolicy();
    this.requests = new NotificationRequests(config, poster, settings.alertmanagerResend.multipliedBy(4));
    this.pagerDutyRate = new TokenBucket(settings.pagerDutyBurst, settings.pagerDutyPerMinute, nowMillis);
    if (config.pagerDutyEnabled()) {
      queues.put(PAGERDUTY, new EndpointQueue(PAGERDUTY, 1));
    }
    if (config.slackEnabled()) {
      queues.put(SLACK, new EndpointQueue(SLACK, SlackMessages.MAX_DIGEST_ALERTS));
    }
    if (config.alertmanagerEnabled()) {
      queues.put(ALERTMANAGER, new EndpointQueue(ALERTMANAGER, 1));
    }
  }

  /** Queues the notifications for one alert event on every configured endpoint. */
  public void accept(AlertEvent alert, long now, Consumer<DeadLetter> dead) {
    String version = alert.modelVersion();
    if (version != null && !version.isEmpty() && !versions.contains(version)) {
      if (latestVersion != null && queues.containsKey(PAGERDUTY)) {
        enqueue(new Notification(PAGERDUTY, Notification.CHANGE, alert, latestVersion, now), dead);
      }
      rememberVersion(version);
    }
    if (alert.isEarlyWarning()) {
      if (queues.containsKey(SLACK)) {
        enqueue(Notification.alert(SLACK, alert, now), dead);
      }
      return;
    }
    for (String endpoint : queues.keySet()) {
      enqueue(Notification.alert(endpoint, alert, now), dead);
    }
    if (queues.containsKey(ALERTMANAGER)) {
      if (AlertEvent.FIRING.equals(alert.status())) {
        firing.put(alert.dedupKey(), alert);
        nextRefreshAt = Math.min(nextRefreshAt, now + settings.alertmanagerResend.toMillis());
      } else {
        firing.remove(alert.dedupKey());
      }
    }
  }

  /** Collects finished requests, re-sends firing alerts when due and starts what may go now. */
  public void tick(long now, Consumer<DeadLetter> dead) {
    orphans.forEach(n -> deadLetter(DeadLetter.Reasons.DELIVERY_FAILED, n,
        n.endpoint() + " is no longer configured", dead));
    orphans.clear();
    if (now >= nextRefreshAt) {
      refreshFiring(now, dead);
    }
    for (EndpointQueue q : queues.values()) {
      step(q, now, dead);
    }
  }

  private void step(EndpointQueue q, long now, Consumer<DeadLetter> dead) {
    if (q.busy()) {
      if (!q.inFlight.isDone()) {
        return;
      }
      complete(q, q.inFlight.join(), now, dead);
    }
    while (!q.items.isEmpty() && now - q.items.getFirst().enqueuedAt() >= settings.maxAge.toMillis()) {
      deadLetter(DeadLetter.Reasons.DELIVERY_EXPIRED, q.items.removeFirst(), "undelivered after "
          + settings.maxAge + " and " + q.failures + " failed attempt(s), last: " + q.lastFailure, dead);
    }
    if (q.items.isEmpty() || now < q.notBefore) {
      return;
    }
    if (q.name.equals(PAGERDUTY)) {
      long wait = pagerDutyRate.tryTake(now);
      if (wait > 0) {
        q.notBefore = now + wait;
        return;
      }
    }
    List<Notification> batch = q.nextBatch();
    q.inFlight = poster.sendOnce(requests.uri(batch.get(0)), requests.body(batch, now));
    q.inFlightCount = batch.size();
  }

  private void complete(EndpointQueue q, Attempt result, long now, Consumer<DeadLetter> dead) {
    if (result.kind() == Attempt.Kind.RETRY) {
      q.failures++;
      retried++;
      q.lastFailure = result.reason();
      q.notBefore = now + retry.backoffMillis(q.failures, result.retryAfterMillis(), jitter);
      q.inFlight = null;
      q.inFlightCount = 0;
      return;
    }
    List<Notification> done = q.takeInFlight();
    q.failures = 0;
    // counted from the answer, not the send: the next message then reaches Slack at least the
    // interval after this one did, however long either spent on the way
    q.notBefore = q.name.equals(SLACK) ? now + settings.slackInterval.toMillis() : now;
    if (result.accepted()) {
      delivered += done.size();
    } else {
      done.forEach(n -> deadLetter(DeadLetter.Reasons.DELIVERY_FAILED, n, "refused: " + result.reason(), dead));
    }
  }

  private void refreshFiring(long now, Consumer<DeadLetter> dead) {
    EndpointQueue am = queues.get(ALERTMANAGER);
    for (AlertEvent a : firing.values()) {
      if (!am.holdsKey(a.dedupKey())) {
        enqueue(new Notification(ALERTMANAGER, Notification.REFRESH, a, null, now), dead);
      }
    }
    nextRefreshAt = firing.isEmpty() ? Long.MAX_VALUE : now + settings.alertmanagerResend.toMillis();
  }

  private void enqueue(Notification n, Consumer<DeadLetter> dead) {
    EndpointQueue q = queues.get(n.endpoint());
    if (q == null) {
      orphans.add(n);
      return;
    }
    while (q.items.size() >= settings.maxPending) {
      Notification evicted = q.evictOldest();
      if (evicted == null) {
        break;
      }
      deadLetter(DeadLetter.Reasons.DELIVERY_OVERFLOW, evicted,
          "pushed out of a full queue (delivery.max-pending=" + settings.maxPending + ")", dead);
    }
    q.items.addLast(n);
  }

  private void deadLetter(String reason, Notification n, String why, Consumer<DeadLetter> dead) {
    deadLettered++;
    dead.accept(DeadLetter.of(reason, poster.redactSecrets(n.endpoint() + ": the " + n.what()
        + " notification for " + n.dedupKey() + " was not delivered: " + why), n.raw(), n.endpoint()));
  }

  private void rememberVersion(String version) {
    versions.add(version);
    latestVersion = version;
    if (versions.size() > MAX_VERSIONS) {
      versions.remove(versions.iterator().next());
    }
  }

  /** Gives up on everything still queued (end of a bounded run), as dead letters. */
  public void abandon(String why, Consumer<DeadLetter> dead) {
    for (EndpointQueue q : queues.values()) {
      q.items.forEach(n -> deadLetter(DeadLetter.Reasons.DELIVERY_FAILED, n, why + "; last failure: "
          + q.lastFailure, dead));
      q.items.clear();
      q.inFlight = null;
      q.inFlightCount = 0;
    }
  }

  /** True when nothing is queued or in flight. */
  public boolean idle() {
    return orphans.isEmpty() && queues.values().stream().allMatch(EndpointQueue::idle);
  }

  /** True while a request has been sent and its answer has not been collected. */
  boolean awaitingResponse() {
    return queues.values().stream().anyMatch(q -> q.busy() && !q.inFlight.isDone());
  }

  /** Notifications queued (in flight included) over all endpoints. */
  public int pending() {
    return queues.values().stream().mapToInt(q -> q.items.size()).sum() + orphans.size();
  }

  /** When {@link #tick} next has something to do: soon while work is queued, else the next refresh. */
  public long nextWakeup(long now) {
    return idle() ? nextRefreshAt : Math.min(nextRefreshAt, now + settings.tick.toMillis());
  }

  public long delivered() {
    return delivered;
  }

  public long retried() {
    return retried;
  }

  public long deadLettered() {
    return deadLettered;
  }

  /** What must survive a restart: queued notifications, firing alerts, versions seen. */
  public DeliveryState snapshot() {
    List<Notification> pending = new ArrayList<>(orphans);
    queues.values().forEach(q -> pending.addAll(q.items));
    return new DeliveryState(pending, List.copyOf(firing.values()), List.copyOf(versions), latestVersion);
  }

  /** Restores a snapshot taken by {@link #snapshot} (before any {@link #accept}). */
  public void restore(DeliveryState state, long now) {
    state.pending().forEach(n -> enqueue(n, d -> { }));
    for (AlertEvent a : state.firing()) {
      if (queues.containsKey(ALERTMANAGER)) {
        firing.put(a.dedupKey(), a);
        nextRefreshAt = Math.min(nextRefreshAt, now);
      }
    }
    state.versions().forEach(this::rememberVersion);
    if (state.latestVersion() != null) {
      rememberVersion(state.latestVersion());
    }
  }
}
