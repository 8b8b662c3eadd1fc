package dev.stormwatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** The SVM hinge loss mean(max(0, 1 - y * margin)) on ±1 labels, over the first prediction (the margin). */
public final class HingeLoss extends Loss {
  public HingeLoss() {
    super("hinge");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray y = labels.singletonOrThrow();
    NDArray margin = predictions.get(0);
    return y.mul(margin).neg().add(1).maximum(0).mean();
  }
}
