package dev.stormwatch.source;

import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.event.TelemetryEvent;
import java.util.Objects;

/** The outcome of parsing one raw record: exactly one of skip (blank), an event or a dead letter. */
public final class ParseResult {

  /** The result for a blank or whitespace-only line, which is neither an event nor a dead letter. */
  public static final ParseResult SKIP = new ParseResult(null, null);

  private final TelemetryEvent event;
  private final DeadLetter deadLetter;

  private ParseResult(TelemetryEvent event, DeadLetter deadLetter) {
    this.event = event;
    this.deadLetter = deadLetter;
  }

  /** A result carrying a valid event. */
  public static ParseResult ofEvent(TelemetryEvent event) {
    return new ParseResult(Objects.requireNonNull(event, "event"), null);
  }

  /** A result carrying a rejected record. */
  public static ParseResult ofDeadLetter(DeadLetter deadLetter) {
    return new ParseResult(null, Objects.requireNonNull(deadLetter, "deadLetter"));
  }

  /** True for a blank line. */
  public boolean isSkip() {
    return event == null && deadLetter == null;
  }

  /** True when the record was valid. */
  public boolean isEvent() {
    return event != null;
  }

  /** True when the record was rejected. */
  public boolean isDeadLetter() {
    return deadLetter != null;
  }

  /** The event; throws unless {@link #isEvent()}. */
  public TelemetryEvent event() {
    if (event == null) {
      throw new IllegalStateException("not an event: " + this);
    }
    return event;
  }

  /** The dead letter; throws unless {@link #isDeadLetter()}. */
  public DeadLetter deadLetter() {
    if (deadLetter == null) {
      throw new IllegalStateException("not a dead letter: " + this);
    }
    return deadLetter;
  }

  @Override
  public String toString() {
    if (event != null) {
      return "ParseResult[event " + event.kind() + " " + event.key() + " @" + event.timeMillis() + "]";
    }
    if (deadLetter != null) {
      return "ParseResult[dead letter " + deadLetter.reason() + ": " + deadLetter.detail() + "]";
    }
    return "ParseResult[skip]";
  }
}
