package dev.stormwatch.model.peers;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.stormwatch.model.DjlRuntime;
import dev.stormwatch.model.Examples;
import dev.stormwatch.model.Gradients;
import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.TrainingSet;
import java.util.List;
import java.util.Random;

/**
 * The GAN peer, after f-AnoGAN (Schlegl et al. 2019): a generator of flattened normal windows from
 * Gaussian noise and a discriminator, both one hidden layer, trained in turns on the normal
 * examples only (non-saturating generator loss); then an encoder is trained to map windows to the
 * noise from which the frozen generator reproduces them (the "izi" scheme). The evidence is the
 * log squared residual between a window and its reproduction: a generator of normal windows cannot
 * reproduce an anomalous one.
 */
final class GanNetwork implements PeerNetwork {
  static final int HIDDEN = 64;
  static final int NOISE = 8;

  private final long[] rowShape;
  private final long features;
  private final SequentialBlock generator;
  private final SequentialBlock discriminator;
  private final SequentialBlock encoder;
  private final Model generatorModel;
  private final Model discriminatorModel;
  private final Model encoderModel;

  GanNetwork(int channels, int steps) {
    this.rowShape = new long[] {channels, steps};
    this.features = (long) channels * steps;
    generator = new SequentialBlock().add(Linear.builder().setUnits(HIDDEN).build())
        .add(Activation::relu).add(Linear.builder().setUnits(features).build());
    discriminator = new SequentialBlock().add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation::relu)
        .add(Linear.builder().setUnits(1).build());
    encoder = new SequentialBlock().add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation::relu)
        .add(Linear.builder().setUnits(NOISE).build());
    generatorModel = PeerTraining.model("gan-generator", generator);
    discriminatorModel = PeerTraining.model("gan-discriminator", discriminator);
    encoderModel = PeerTraining.model("gan-encoder", encoder);
  }

  @Override
  public void fit(List<TrainingSet.Example> train, TrainingOptions o) {
    DjlRuntime.engine().setRandomSeed((int) o.seed());
    List<float[]> normal = train.stream().filter(e -> e.label() < 0)
        .map(TrainingSet.Example::features).toList();
    Loss bce = Loss.sigmoidBinaryCrossEntropyLoss();
    Random rnd = new Random(o.seed());
    try (Trainer g = PeerTraining.trainer(generatorModel, bce, o, new Shape(o.batchSize(), NOISE));
        Trainer d = PeerTraining.trainer(discriminatorModel, bce, o,
            PeerTraining.shape(o.batchSize(), rowShape))) {
      for (int epoch = 0; epoch < o.epochs(); epoch++) {
        int[] order = Examples.shuffled(normal.size(), rnd);
        for (int from = 0; from + 2 <= order.length; from += o.batchSize()) {
          int n = Math.min(o.batchSize(), order.length - from);
          try (NDManager scope = d.getManager().newSubManager()) {
            NDArray real = DjlRuntime.owned(scope, PeerTraining.flatten(normal, order, from, n),
                PeerTraining.shape(n, rowShape));
            NDArray ones = scope.ones(new Shape(n, 1));
            NDArray zeros = scope.zeros(new Shape(n, 1));
            // the generator's step below leaves gradients on the discriminator's parameters
            Gradients.clear(discriminator);
            try (GradientCollector gc = d.newGradientCollector()) {
              NDArray fake = g.forward(new NDList(noise(scope, n, rnd))).singletonOrThrow()
                  .stopGradient().reshape(PeerTraining.shape(n, rowShape));
              NDArray loss = bce.evaluate(new NDList(ones), d.forward(new NDList(real)))
                  .add(bce.evaluate(new NDList(zeros), d.forward(new NDList(fake))));
              gc.backward(loss);
            }
            d.step();
            try (GradientCollector gc = g.newGradientCollector()) {
              NDArray fake = g.forward(new NDList(noise(scope, n, rnd))).singletonOrThrow()
                  .reshape(PeerTraining.shape(n, rowShape));
              gc.backward(bce.evaluate(new NDList(ones), d.forward(new NDList(fake))));
            }
            g.step();
          }
        }
      }
    }
    try (Trainer e = PeerTraining.trainer(encoderModel, Loss.l2Loss(), o,
        PeerTraining.shape(o.batchSize(), rowShape))) {
      PeerTraining.epochs(e, normal, new float[normal.size()], rowShape, o, rnd,
          (out, x, y) -> residual(out, x).mean());
    }
  }

  /** Squared residual per row between the windows {@code x} and the generator's reproduction. */
  private NDArray residual(NDList codes, NDArray x) {
    NDArray reproduced = generator.forward(new ParameterStore(x.getManager(), false), codes, false)
        .singletonOrThrow();
    return reproduced.sub(x.reshape(x.getShape().get(0), -1)).square().sum(new int[] {1});
  }

  /** Standard normal noise drawn from {@code rnd}, so that training is deterministic. */
  private static NDArray noise(NDManager scope, int n, Random rnd) {
    float[] z = new float[n * NOISE];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) rnd.nextGaussian();
    }
    return scope.create(z, new Shape(n, NOISE));
  }

  @Override
  public float[] evidence(float[][] rows) {
    return PeerTraining.infer(encoderModel, rows, rowShape,
        (out, x) -> residual(out, x).add(1e-6).log());
  }

  @Override
  public long parameters() {
    return DjlRuntime.trainableParameters(generator)
        + DjlRuntime.trainableParameters(discriminator) + DjlRuntime.trainableParameters(encoder);
  }

  @Override
  public void close() {
    generatorModel.close();
    discriminatorModel.close();
    encoderModel.close();
  }
}
