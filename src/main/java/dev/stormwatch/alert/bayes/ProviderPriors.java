package dev.stormwatch.alert.bayes;

/**
 * The hierarchical step: a provider's prior is the configured prior plus its services' pooled,
 * discounted feedback, each service's share capped at {@code serviceCap} pseudo-windows (scaled
 * down, keeping its own incident/quiet mix) so that one noisy service does not dominate. A new
 * service of the provider starts from this prior (shrunk by {@link KeyBelief#forNewKey}).
 */
public final class ProviderPriors {
  private ProviderPriors() {}

  /**
   * @param configured the configured prior (mean {@code alert.prior-incident-rate})
   * @param services the provider's services' evidence
   * @param whenMillis event time the prior is wanted for; later feedback is not counted
   */
  public static BetaPrior of(BetaPrior configured, Iterable<ServiceEvidence> services, long whenMillis,
      long halfLifeMillis, double serviceCap) {
    double alpha = configured.alpha;
    double beta = configured.beta;
    for (ServiceEvidence s : services) {
      double[] e = s.asOf(whenMillis, halfLifeMillis);
      double total = e[0] + e[1];
      if (total <= 0) {
        continue;
      }
      double scale = Math.min(1, serviceCap / total);
      alpha += e[0] * scale;
      beta += e[1] * scale;
    }
    BetaPrior p = BetaPrior.of(alpha, beta);
    p.minStrength = configured.minStrength;
    return p;
  }
}
