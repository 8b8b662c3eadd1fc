package dev.stormwatch.model.peers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A graph deviation network in the manner of GDN (Deng and Hooi 2021): each metric channel has a
 * learned embedding; the attention between embeddings (a channel's own weight masked) is the learned
 * graph; each channel's newest value is forecast from its own history, its neighbours' attention-
 * weighted history and its embedding by one shared hidden layer. Input {@code [batch, 2 * metrics,
 * steps]} (metric values, then their presence masks, which it ignores); output the forecasts
 * {@code [batch, metrics]}.
 */
final class GnnBlock extends AbstractBlock {
  private final int metrics;
  private final int embedding;
  private final Parameter nodes;
  private final Linear hidden;
  private final Linear forecast;

  GnnBlock(int metrics, int embedding, int hiddenUnits) {
    super((byte) 1);
    this.metrics = metrics;
    this.embedding = embedding;
    nodes = addParameter(Parameter.builder().setName("nodes").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(metrics, embedding)).optInitializer(new NormalInitializer(0.5f))
        .build());
    hidden = addChildBlock("hidden", Linear.builder().setUnits(hiddenUnits).build());
    forecast = addChildBlock("forecast", Linear.builder().setUnits(1).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0).get(new NDIndex(":, 0:" + metrics + ", :"));
    long b = x.getShape().get(0);
    long steps = x.getShape().get(2);
    NDArray history = x.get(new NDIndex(":, :, 0:" + (steps - 1)));
    NDArray e = ps.getValue(nodes, x.getDevice(), training);
    NDArray self = x.getManager().eye(metrics).mul(metrics > 1 ? 1e9f : 0f);
    NDArray graph = e.matMul(e.transpose()).sub(self).softmax(1);
    NDArray neighbours = graph.expandDims(0).broadcast(b, metrics, metrics).matMul(history);
    NDArray node = e.expandDims(0).broadcast(b, metrics, embedding);
    NDArray joined = NDArrays.concat(new NDList(history, neighbours, node), 2)
        .reshape(b * metrics, -1);
    NDArray h = Activation.relu(hidden.forward(ps, new NDList(joined), training, params).get(0));
    NDArray y = forecast.forward(ps, new NDList(h), training, params).get(0);
    return new NDList(y.reshape(b, metrics));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), metrics)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long rows = inputShapes[0].get(0) * metrics;
    long width = 2 * (inputShapes[0].get(2) - 1) + embedding;
    hidden.initialize(manager, dataType, new Shape(rows, width));
    forecast.initialize(manager, dataType, new Shape(rows, hidden.getOutputShapes(
        new Shape[] {new Shape(rows, width)})[0].get(1)));
  }
}
