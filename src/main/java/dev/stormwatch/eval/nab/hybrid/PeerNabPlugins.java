package dev.stormwatch.eval.nab.hybrid;

import dev.stormwatch.eval.nab.NabDetectorPlugin;
import dev.stormwatch.eval.nab.SeriesContext;
import dev.stormwatch.eval.nab.StreamingScorer;
import dev.stormwatch.model.peers.PeerKind;

/**
 * NAB detectors {@code tcn-nab}, {@code vae-nab}, {@code gan-nab} and {@code gnn-nab}: the paper's
 * comparison networks in place of the hybrid model, everything else as the {@code hybrid} detector
 * (the same windows, examples, training options, retraining and onset weighting).
 */
public abstract class PeerNabPlugins implements NabDetectorPlugin {
  private final PeerKind kind;

  PeerNabPlugins(PeerKind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return kind.id() + "-nab";
  }

  @Override
  public StreamingScorer create(SeriesContext context) {
    return new HybridNabScorer(context, HybridNabSettings.defaults(), kind, System.err);
  }

  /** {@code tcn-nab}. */
  public static final class Tcn extends PeerNabPlugins {
    public Tcn() {
      super(PeerKind.TCN);
    }
  }

  /** {@code vae-nab}. */
  public static final class Vae extends PeerNabPlugins {
    public Vae() {
      super(PeerKind.VAE);
    }
  }

  /** {@code gan-nab}. */
  public static final class Gan extends PeerNabPlugins {
    public Gan() {
      super(PeerKind.GAN);
    }
  }

  /** {@code gnn-nab}. */
  public static final class Gnn extends PeerNabPlugins {
    public Gnn() {
      super(PeerKind.GNN);
    }
  }
}
