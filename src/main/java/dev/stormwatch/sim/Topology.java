package dev.stormwatch.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds the simulated multi-cloud topology: providers, regions, services and resources. */
public final class Topology {
  /** Providers in order; a run with N providers takes the first N. */
  public static final List<String> PROVIDERS = List.of("aws", "azure", "gcp", "ibm_cloud");

  private static final Map<String, List<String>> REGIONS =
      Map.of(
          "aws", List.of("us-east-1", "eu-west-1", "us-west-2"),
          "azure", List.of("eastus", "westeurope", "westus2"),
          "gcp", List.of("us-central1", "europe-west1", "us-east4"),
          "ibm_cloud", List.of("us-south", "eu-de", "us-east"));

  /** Hour (UTC) of the daily peak, by region: mid-afternoon local business time. */
  private static final Map<String, Double> PEAK_HOUR_UTC =
      Map.ofEntries(
          Map.entry("us-east-1", 19.0), Map.entry("eu-west-1", 14.0), Map.entry("us-west-2", 22.0),
          Map.entry("eastus", 19.0), Map.entry("westeurope", 13.5), Map.entry("westus2", 22.0),
          Map.entry("us-central1", 20.0), Map.entry("europe-west1", 13.5),
          Map.entry("us-east4", 19.0), Map.entry("us-south", 20.0), Map.entry("eu-de", 13.0),
          Map.entry("us-east", 19.0));

  private Topology() {}

  /** The services of {@code providers} providers with {@code perProvider} services each. */
  public static List<ServiceSpec> build(int providers, int perProvider, SplittableRandom rng) {
    if (providers < 1 || providers > PROVIDERS.size()) {
      throw new IllegalArgumentException("providers must be 1.." + PROVIDERS.size());
    }
    if (perProvider < 1 || perProvider > ServiceProfile.CATALOG.size()) {
      throw new IllegalArgumentException(
          "services per provider must be 1.." + ServiceProfile.CATALOG.size());
    }
    List<ServiceSpec> services = new ArrayList<>();
    for (int p = 0; p < providers; p++) {
      String provider = PROVIDERS.get(p);
      List<String> regions = REGIONS.get(provider);
      for (int s = 0; s < perProvider; s++) {
        ServiceProfile profile =
            ServiceProfile.CATALOG.get((p * 3 + s) % ServiceProfile.CATALOG.size());
        String region = regions.get(s % regions.size());
        services.add(service(provider, region, profile, rng));
      }
    }
    return services;
  }

  private static ServiceSpec service(
      String provider, String region, ServiceProfile profile, SplittableRandom rng) {
    int count = rng.nextDouble() < 0.7 ? 3 : 2;
    List<String> resources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      resources.add(String.format("%s-%06x", profile.name(), rng.nextInt(1 << 24)));
    }
    double peak = PEAK_HOUR_UTC.get(region) + rng.nextDouble() - 0.5;
    double rps = 40 + rng.nextDouble() * 400;
    double latency = 40 + rng.nextDouble() * 160;
    double errors = 0.001 + rng.nextDouble() * 0.004;
    return new ServiceSpec(provider, region, profile, List.copyOf(resources), peak, rps, latency,
        errors);
  }
}
