package dev.stormwatch.feedback;

import dev.stormwatch.event.DeadLetter;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Parses raw feedback lines; blank lines are skipped, bad ones go to {@link #DEAD_LETTERS}. */
public class ParseFeedback extends ProcessFunction<String, Feedback> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("feedback-dead-letters", TypeInformation.of(DeadLetter.class));

  /** Accumulator: feedback records rejected (bad lines here, unknown keys in {@link KeyDirectory}). */
  public static final String REJECTED_COUNTER = "feedback_rejected";

  private final String origin;
  private transient FeedbackParser parser;
  private transient LongCounter rejected;

  public ParseFeedback(String origin) {
    this.origin = origin;
  }

  @Override
  public void open(OpenContext openContext) {
    parser = new FeedbackParser(origin);
    rejected = new LongCounter();
    getRuntimeContext().addAccumulator(REJECTED_COUNTER, rejected);
  }

  @Override
  public void processElement(String line, Context ctx, Collector<Feedback> out) {
    if (line == null || line.isBlank()) {
      return;
    }
    FeedbackParser.Result r = parser.parse(line.strip());
    if (r.feedback() != null) {
      out.collect(r.feedback());
    } else {
      rejected.add(1);
      ctx.output(DEAD_LETTERS, r.deadLetter());
    }
  }
}
