package dev.stormwatch.detect;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Forwards assembled windows and their watermarks to the async scorer but not the idle/active
 * status, so that a watermark the scorer still holds back is never dropped as "sent while idle".
 *
 * <p>When every input of the window operator turns idle, its input flushes the newest watermark and
 * then marks the stream idle. The async scorer queues that watermark behind the windows it fired
 * but passes the idle status on at once; a chained output drops any watermark emitted after it
 * announced idle, so the queued watermark would be lost and the alert operator would not decide
 * those windows until new records came. Every window subtask reads all inputs and so sees the same
 * watermarks: below the windows no channel can hold the others back, and idleness carries nothing.
 */
public final class KeepWindowsActive<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {
  private static final long serialVersionUID = 1L;

  @Override
  public void processElement(StreamRecord<T> element) {
    output.collect(element);
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) {
    // dropped on purpose: see the class comment
  }
}
