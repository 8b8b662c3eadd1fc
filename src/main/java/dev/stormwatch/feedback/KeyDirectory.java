package dev.stormwatch.feedback;

import dev.stormwatch.event.DeadLetter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by dedup key: joins the keys the job produces ({@link KeySeen}) with operator feedback and
 * emits a {@link FeedbackUpdate} for (provider, service) once the watermark reaches the feedback's
 * own time, so that replays release it at the same point. Feedback for a key not (yet) seen is
 * held, at most {@link #MAX_HELD} per key, and dead-lettered as {@code unknown_dedup_key} when its
 * key is still unknown {@code holdMillis} of event time after it.
 */
public class KeyDirectory extends KeyedCoProcessFunction<String, KeySeen, Feedback, FeedbackUpdate> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> UNKNOWN =
      new OutputTag<>("feedback-unknown-key", TypeInformation.of(DeadLetter.class));

  /** Feedback records held per unknown dedup key; more are dead-lettered at once. */
  public static final int MAX_HELD = 100;

  private final long holdMillis;

  private transient ValueState<KeySeen> known;
  private transient ListState<Feedback> held;
  private transient LongCounter rejected;

  /** @param holdMillis event time a feedback waits for its dedup key to appear */
  public KeyDirectory(long holdMillis) {
    this.holdMillis = holdMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    known = getRuntimeContext().getState(
        new ValueStateDescriptor<>("known-key", TypeInformation.of(KeySeen.class)));
    held = getRuntimeContext().getListState(
        new ListStateDescriptor<>("held-feedback", TypeInformation.of(Feedback.class)));
    rejected = new LongCounter();
    getRuntimeContext().addAccumulator(ParseFeedback.REJECTED_COUNTER, rejected);
  }

  @Override
  public void processElement1(KeySeen key, Context ctx, Collector<FeedbackUpdate> out) throws Exception {
    if (known.value() == null) {
      known.update(key);
      release(ctx.timerService().currentWatermark(), key, ctx, out);
    }
  }

  @Override
  public void processElement2(Feedback f, Context ctx, Collector<FeedbackUpdate> out) throws Exception {
    int count = 0;
    for (Feedback ignored : held.get()) {
      count++;
    }
    if (count >= MAX_HELD) {
      rejected.add(1);
      ctx.output(UNKNOWN, DeadLetter.of(DeadLetter.Reasons.UNKNOWN_DEDUP_KEY,
          "more than " + MAX_HELD + " feedback records wait for dedup key " + f.dedupKey, f.raw, f.origin));
      return;
    }
    held.add(f);
    ctx.timerService().registerEventTimeTimer(f.timeMillis);
    ctx.timerService().registerEventTimeTimer(expiry(f));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FeedbackUpdate> out) throws Exception {
    release(timestamp, known.value(), ctx, out);
  }

  /** Emits held feedback due by {@code now} when the key is known; expires it when not. */
  private void release(long now, KeySeen key, Context ctx, Collector<FeedbackUpdate> out) throws Exception {
    List<Feedback> keep = new ArrayList<>();
    for (Feedback f : held.get()) {
      if (key != null && f.timeMillis <= now) {
        out.collect(new FeedbackUpdate(key.provider, key.service, f.dedupKey, f.verdict, f.timeMillis));
      } else if (key == null && expiry(f) <= now) {
        rejected.add(1);
        ctx.output(UNKNOWN, DeadLetter.of(DeadLetter.Reasons.UNKNOWN_DEDUP_KEY,
            "no alert of this job has dedup key " + f.dedupKey + " (waited until "
                + Instant.ofEpochMilli(expiry(f)) + ")", f.raw, f.origin));
      } else {
        keep.add(f);
      }
    }
    held.update(keep);
  }

  private long expiry(Feedback f) {
    long at = f.timeMillis + holdMillis;
    return at < f.timeMillis ? Long.MAX_VALUE : at;
  }
}
