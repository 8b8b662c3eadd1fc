package dev.stormwatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** The logistic loss mean(log(1 + exp(-y * margin))) on ±1 labels (the ablation's logistic head). */
public final class LogisticLoss extends Loss {
  public LogisticLoss() {
    super("logistic");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray z = labels.singletonOrThrow().mul(predictions.get(0)).neg();
    // softplus(z) = max(z, 0) + log1p(exp(-|z|)), stable for large |z|
    return z.maximum(0).add(z.abs().neg().exp().add(1).log()).mean();
  }
}
