package dev.stormwatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * The hybrid network (after arXiv 2506.07407): three parallel 1-D convolutions (kernels 3, 5, 7;
 * BatchNorm, ReLU) over the telemetry channels, a BiLSTM over time giving one telemetry token per
 * step, log-template tokens projected to the same width, attention fusion with a learned CLS query
 * over all tokens, and a Deep-SVM head: a random-Fourier-feature RBF layer (fixed, seeded) and a
 * linear margin. {@link Architecture} switches stages off for ablations.
 *
 * <p>Input: {@code features [batch, channels, steps]} and, when {@code logDim > 0}, {@code
 * logTokens [batch, logTokens, logDim]}; all-zero log rows are absent templates: masked out of the
 * attention and zeroed after projection (all zero: log branch off). Output: {@code margin [batch]}
 * and the attention weights {@code [batch, tokens]} (telemetry tokens first; uniform without
 * attention fusion).
 */
public final class HybridModelBlock extends AbstractBlock {
  private static final byte VERSION = 1;
  private static final float MASKED = -1e4f;

  private final ModelDims dims;
  private final Architecture arch;
  private final Conv1d[] convs = new Conv1d[3];
  private final BatchNorm[] norms = new BatchNorm[3];
  private final BiLstmBlock bilstm;
  private final Linear logProjection;
  private final Linear keys;
  private final Linear values;
  private final Linear concatFusion;
  private final Parameter query;
  private final Parameter rffWeight;
  private final Parameter rffPhase;
  private final Linear margin;

  public HybridModelBlock(ModelDims dims) {
    super(VERSION);
    this.dims = dims;
    this.arch = dims.architecture();
    if (arch.conv()) {
      for (int i = 0; i < 3; i++) {
        int k = ModelDims.KERNELS[i];
        convs[i] = addChildBlock("conv" + k, Conv1d.builder().setKernelShape(new Shape(k))
            .optPadding(new Shape(k / 2)).setFilters(dims.convFilters()[i]).build());
        norms[i] = addChildBlock("norm" + k, BatchNorm.builder().optAxis(1).build());
      }
    }
    bilstm = arch.lstm() ? addChildBlock("bilstm", new BiLstmBlock(dims.lstmHidden())) : null;
    int d = dims.tokenDim();
    logProjection = addChildBlock("logProjection", Linear.builder().setUnits(d).build());
    if (arch.attention()) {
      keys = addChildBlock("keys", Linear.builder().setUnits(d).build());
      values = addChildBlock("values", Linear.builder().setUnits(d).build());
      query = addParameter(Parameter.builder().setName("query").setType(Parameter.Type.WEIGHT)
          .optShape(new Shape(d, 1)).optInitializer(new NormalInitializer(0.1f)).build());
      concatFusion = null;
    } else {
      keys = null;
      values = null;
      query = null;
      concatFusion = addChildBlock("concatFusion", Linear.builder().setUnits(d).build());
    }
    if (arch.rbfHead()) {
      rffWeight = addParameter(Parameter.builder().setName("rffWeight")
          .setType(Parameter.Type.OTHER).optShape(new Shape(d, dims.rffDim()))
          .optInitializer(new NormalInitializer((float) (1.0 / dims.rffSigma())))
          .optRequiresGrad(false).build());
      rffPhase = addParameter(Parameter.builder().setName("rffPhase")
          .setType(Parameter.Type.OTHER).optShape(new Shape(dims.rffDim()))
          .optInitializer(new UniformInitializer((float) Math.PI)).optRequiresGrad(false).build());
    } else {
      rffWeight = null;
      rffPhase = null;
    }
    margin = addChildBlock("margin", Linear.builder().setUnits(1).build());
  }

  public ModelDims dims() {
    return dims;
  }

  /** The BiLSTM stage (exposed for tests); null without it. */
  public BiLstmBlock bilstm() {
    return bilstm;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray tokens = telemetryTokens(ps, x, training, params);
    long b = tokens.getShape().get(0);
    long steps = tokens.getShape().get(1);
    int d = dims.tokenDim();
    // new arrays belong to the input's manager (the caller's batch scope), never to a manager an
    // op output happens to carry, which may be closed before the backward pass reads them
    NDManager scope = x.getManager();
    NDArray penalty = null;
    if (dims.logDim() > 0 && inputs.size() > 1 && inputs.get(1).getShape().get(1) > 0) {
      NDArray logs = inputs.get(1);
      long n = logs.getShape().get(1);
      NDArray valid = logs.abs().sum(new int[] {2}).gt(0).toType(DataType.FLOAT32, false);
      NDArray projected = logProjection.forward(ps,
          new NDList(logs.reshape(b * n, dims.logDim())), training, params).get(0)
          .reshape(b, n, d).mul(valid.expandDims(2));
      tokens = tokens.concat(projected, 1);
      penalty = scope.zeros(new Shape(b, steps)).concat(valid.sub(1).mul(-MASKED), 1);
    }
    long n = tokens.getShape().get(1);
    NDArray fused;
    NDArray attention;
    if (arch.attention()) {
      NDArray flat = tokens.reshape(b * n, d);
      NDArray k = keys.forward(ps, new NDList(flat), training, params).get(0).reshape(b, n, d);
      NDArray v = values.forward(ps, new NDList(flat), training, params).get(0).reshape(b, n, d);
      NDArray q = ps.getValue(query, x.getDevice(), training);
      NDArray logits = k.matMul(q).reshape(b, n).div(Math.sqrt(d));
      attention = (penalty == null ? logits : logits.add(penalty)).softmax(1);
      fused = attention.expandDims(2).mul(v).sum(new int[] {1}).tanh();
    } else {
      fused = concatFusion.forward(ps, new NDList(tokens.reshape(b, n * d)), training, params)
          .get(0).tanh();
      attention = scope.ones(new Shape(b, n)).div(n);
    }
    NDArray head = fused;
    if (arch.rbfHead()) {
      NDArray w = ps.getValue(rffWeight, x.getDevice(), training);
      NDArray phase = ps.getValue(rffPhase, x.getDevice(), training);
      head = fused.matMul(w).add(phase).cos().mul(Math.sqrt(2.0 / dims.rffDim()));
    }
    NDArray m = margin.forward(ps, new NDList(head), training, params).get(0).reshape(b);
    return new NDList(m, attention);
  }

  private NDArray telemetryTokens(ParameterStore ps, NDArray x, boolean training,
      PairList<String, Object> params) {
    NDArray seq = x.transpose(0, 2, 1);
    if (arch.conv()) {
      NDList branches = new NDList();
      for (int i = 0; i < 3; i++) {
        NDArray c = convs[i].forward(ps, new NDList(x), training, params).get(0);
        c = norms[i].forward(ps, new NDList(c), training, params).get(0);
        branches.add(Activation.relu(c));
      }
      seq = NDArrays.concat(branches, 1).transpose(0, 2, 1);
    }
    return arch.lstm() ? bilstm.forward(ps, new NDList(seq), training, params).get(0) : seq;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    long b = inputs[0].get(0);
    long n = inputs[0].get(2) + (inputs.length > 1 && dims.logDim() > 0 ? inputs[1].get(1) : 0);
    return new Shape[] {new Shape(b), new Shape(b, n)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long b = inputShapes[0].get(0);
    long t = inputShapes[0].get(2);
    if (arch.conv()) {
      for (int i = 0; i < 3; i++) {
        convs[i].initialize(manager, dataType, inputShapes[0]);
        norms[i].initialize(manager, dataType, new Shape(b, dims.convFilters()[i], t));
      }
    }
    if (arch.lstm()) {
      bilstm.initialize(manager, dataType,
          new Shape(b, t, arch.conv() ? dims.convWidth() : dims.channels()));
    }
    int d = dims.tokenDim();
    logProjection.initialize(manager, dataType, new Shape(1, Math.max(1, dims.logDim())));
    if (arch.attention()) {
      keys.initialize(manager, dataType, new Shape(1, d));
      values.initialize(manager, dataType, new Shape(1, d));
    } else {
      concatFusion.initialize(manager, dataType, new Shape(1, (long) dims.tokens() * d));
    }
    margin.initialize(manager, dataType, new Shape(1, arch.rbfHead() ? dims.rffDim() : d));
  }
}
