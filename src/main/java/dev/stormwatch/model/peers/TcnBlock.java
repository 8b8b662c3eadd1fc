package dev.stormwatch.model.peers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A temporal convolutional network (Bai et al. 2018): residual blocks of two dilated causal
 * convolutions (kernel 3, dilations 1, 2, 4; ReLU), a 1x1 convolution matching the input's width to
 * the first residual; the newest step's features give a linear margin. Input {@code [batch,
 * channels, steps]}, output {@code margin [batch]}.
 */
final class TcnBlock extends AbstractBlock {
  static final int[] DILATIONS = {1, 2, 4};
  private static final int KERNEL = 3;

  private final int filters;
  private final Conv1d inputMatch;
  private final Conv1d[] first = new Conv1d[DILATIONS.length];
  private final Conv1d[] second = new Conv1d[DILATIONS.length];
  private final Linear margin;

  TcnBlock(int filters) {
    super((byte) 1);
    this.filters = filters;
    inputMatch = addChildBlock("inputMatch", conv(1, 0));
    for (int i = 0; i < DILATIONS.length; i++) {
      int d = DILATIONS[i];
      first[i] = addChildBlock("conv" + d + "a", conv(KERNEL, d));
      second[i] = addChildBlock("conv" + d + "b", conv(KERNEL, d));
    }
    margin = addChildBlock("margin", Linear.builder().setUnits(1).build());
  }

  private Conv1d conv(int kernel, int dilation) {
    Conv1d.Builder b = Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(filters);
    if (kernel > 1) {
      b.optDilation(new Shape(dilation)).optPadding(new Shape((long) (kernel - 1) * dilation));
    }
    return b.build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    long steps = x.getShape().get(2);
    NDArray h = inputMatch.forward(ps, new NDList(x), training, params).get(0);
    for (int i = 0; i < DILATIONS.length; i++) {
      NDArray a = causal(first[i], ps, h, steps, training, params);
      NDArray b = causal(second[i], ps, Activation.relu(a), steps, training, params);
      h = Activation.relu(h.add(Activation.relu(b)));
    }
    NDArray newest = h.get(new NDIndex(":, :, -1"));
    NDArray m = margin.forward(ps, new NDList(newest), training, params).get(0);
    return new NDList(m.reshape(x.getShape().get(0)));
  }

  /** A padded convolution cut back to the input's length, so step t sees steps <= t only. */
  private static NDArray causal(Conv1d conv, ParameterStore ps, NDArray x, long steps,
      boolean training, PairList<String, Object> params) {
    NDArray y = conv.forward(ps, new NDList(x), training, params).get(0);
    return y.get(new NDIndex(":, :, 0:" + steps));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    inputMatch.initialize(manager, dataType, in);
    Shape hidden = new Shape(in.get(0), filters, in.get(2));
    for (int i = 0; i < DILATIONS.length; i++) {
      first[i].initialize(manager, dataType, hidden);
      second[i].initialize(manager, dataType, hidden);
    }
    margin.initialize(manager, dataType, new Shape(in.get(0), filters));
  }
}
