package dev.stormwatch.model.peers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Random;

/**
 * A variational autoencoder of a window's flattened features (Kingma and Welling 2014): a
 * one-hidden-layer encoder to a Gaussian latent's mean and log-variance, a sample of it
 * (reparameterised; the mean at inference) and a one-hidden-layer decoder back to the features.
 * Input {@code [batch, channels, steps]}; output the reconstruction {@code [batch, channels *
 * steps]}, the latent mean and log-variance {@code [batch, latent]}. The sampling noise comes from
 * the block's own seeded generator, not the engine's process-wide one, so that training is
 * reproducible whatever else in the JVM draws random numbers.
 */
final class VaeBlock extends AbstractBlock {
  private final int hidden;
  private final int latent;
  private final Linear encoder;
  private final Linear moments;
  private final Linear decoder;
  private final Linear output;
  private Random noise = new Random(0);

  VaeBlock(int hidden, int latent, long features) {
    super((byte) 1);
    this.hidden = hidden;
    this.latent = latent;
    encoder = addChildBlock("encoder", Linear.builder().setUnits(hidden).build());
    moments = addChildBlock("moments", Linear.builder().setUnits(2L * latent).build());
    decoder = addChildBlock("decoder", Linear.builder().setUnits(hidden).build());
    output = addChildBlock("output", Linear.builder().setUnits(features).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    long b = x.getShape().get(0);
    NDArray flat = x.reshape(b, -1);
    NDArray h = Activation.relu(encoder.forward(ps, new NDList(flat), training, params).get(0));
    NDArray m = moments.forward(ps, new NDList(h), training, params).get(0);
    NDArray mean = m.get(new NDIndex(":, 0:" + latent));
    NDArray logVar = m.get(new NDIndex(":, " + latent + ":")).clip(-10, 10);
    NDArray z = mean;
    if (training) {
      NDArray eps = x.getManager().create(gaussians(mean.getShape()), mean.getShape());
      z = mean.add(logVar.mul(0.5).exp().mul(eps));
    }
    NDArray d = Activation.relu(decoder.forward(ps, new NDList(z), training, params).get(0));
    NDArray recon = output.forward(ps, new NDList(d), training, params).get(0);
    return new NDList(recon, mean, logVar);
  }

  /** Restarts the sampling noise from {@code seed}. */
  void seedNoise(long seed) {
    noise = new Random(seed);
  }

  private float[] gaussians(Shape shape) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) noise.nextGaussian();
    }
    return values;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    long b = inputs[0].get(0);
    return new Shape[] {new Shape(b, inputs[0].get(1) * inputs[0].get(2)), new Shape(b, latent),
        new Shape(b, latent)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long b = inputShapes[0].get(0);
    encoder.initialize(manager, dataType, new Shape(b, inputShapes[0].get(1) * inputShapes[0].get(2)));
    moments.initialize(manager, dataType, new Shape(b, hidden));
    decoder.initialize(manager, dataType, new Shape(b, latent));
    output.initialize(manager, dataType, new Shape(b, hidden));
  }
}
