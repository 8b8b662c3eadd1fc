package dev.stormwatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A bidirectional LSTM over batch-first sequences {@code [batch, time, features]} built from two
 * one-directional LSTMs: one reads the sequence, the other the time-reversed sequence, whose
 * output is reversed back; the outputs are concatenated to {@code [batch, time, 2 * hidden]}.
 * (DJL 0.36's own bidirectional LSTM with biases fails on PyTorch.)
 */
public final class BiLstmBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int hidden;
  private final LSTM forward;
  private final LSTM backward;

  public BiLstmBlock(int hidden) {
    super(VERSION);
    this.hidden = hidden;
    forward = addChildBlock("forward", lstm(hidden));
    backward = addChildBlock("backward", lstm(hidden));
  }

  private static LSTM lstm(int hidden) {
    return LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).build();
  }

  /** The one-directional LSTM that reads the sequence in time order. */
  public LSTM forwardLstm() {
    return forward;
  }

  /** The one-directional LSTM that reads the time-reversed sequence. */
  public LSTM backwardLstm() {
    return backward;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    // the LSTM appends its zero states to the list it is given, so each call gets its own list
    NDArray ahead = forward.forward(ps, new NDList(x), training, params).get(0);
    NDArray reversed = backward.forward(ps, new NDList(x.flip(1)), training, params).get(0).flip(1);
    return new NDList(ahead.concat(reversed, 2));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape in = inputs[0];
    return new Shape[] {new Shape(in.get(0), in.get(1), 2L * hidden)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    forward.initialize(manager, dataType, inputShapes);
    backward.initialize(manager, dataType, inputShapes);
  }
}
