package dev.stormwatch.model;

/** Training met non-finite losses, gradients or parameters and wrote no artifact. */
public final class TrainingDivergedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(String message) {
    super(message);
  }
}
