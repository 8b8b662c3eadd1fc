package dev.stormwatch.model.peers;

import java.util.Arrays;
import java.util.Locale;

/**
 * The networks the paper (arXiv 2506.07407, first experiment) compares its hybrid model with,
 * each over the same telemetry features (baseline z-scores and presence masks of the window).
 */
public enum PeerKind {
  /** Temporal convolutional network: dilated causal convolutions, a classifier on the hybrid's examples. */
  TCN,
  /** Variational autoencoder of normal windows: the reconstruction error is the anomaly evidence. */
  VAE,
  /**
   * Generative adversarial network of normal windows with an encoder into its noise (f-AnoGAN):
   * the residual of the generator's reproduction is the evidence.
   */
  GAN,
  /** Graph network over the metric channels forecasting each one's newest step: the largest error. */
  GNN;

  /** The name used on the command line and in tables ({@code tcn}, {@code vae}, ...). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for {@code tcn}, {@code vae}, {@code gan} and {@code gnn}. */
  public static boolean isPeer(String name) {
    return Arrays.stream(values()).anyMatch(k -> k.id().equals(name.trim().toLowerCase(Locale.ROOT)));
  }

  /** Parses a peer's id; refuses anything else with the list of peers. */
  public static PeerKind parse(String name) {
    for (PeerKind k : values()) {
      if (k.id().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("peer network must be tcn, vae, gan or gnn, got " + name);
  }
}
