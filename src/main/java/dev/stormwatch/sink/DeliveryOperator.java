package dev.stormwatch.sink;

import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.DeadLetter;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.TimestampedCollector;

/**
 * The operator running {@link DeliverAlerts}: a keyed process operator that, when a bounded input
 * ends, waits for the delivery queues to drain before the job finishes (processing-time timers do
 * not fire after the end of input).
 */
public class DeliveryOperator extends KeyedProcessOperator<String, AlertEvent, DeadLetter>
    implements BoundedOneInput {
  private static final long serialVersionUID = 1L;

  public DeliveryOperator(DeliverAlerts function) {
    super(function);
  }

  @Override
  public void endInput() throws Exception {
    TimestampedCollector<DeadLetter> out = new TimestampedCollector<>(output);
    out.eraseTimestamp();
    ((DeliverAlerts) userFunction).drain(out, getProcessingTimeService().getCurrentProcessingTime());
  }
}
