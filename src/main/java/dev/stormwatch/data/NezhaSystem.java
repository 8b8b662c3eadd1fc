package dev.stormwatch.data;

import java.util.List;
import java.util.Locale;

/** The two microservice systems of the Nezha data, with their provider name and fault-suffering days. */
public enum NezhaSystem {
  TRAINTICKET("trainticket", "tt", List.of("2023-01-29")),
  ONLINEBOUTIQUE("onlineboutique", "ob", List.of("2022-08-22", "2022-08-23"));

  /** The provider of every record and label: the system, since all of it runs in one on-premises cluster. */
  public final String provider;
  /** Short prefix of label ids. */
  public final String idPrefix;
  /** The {@code rca_data/<date>} folders of the system; the first is the default. */
  public final List<String> dates;

  NezhaSystem(String provider, String idPrefix, List<String> dates) {
    this.provider = provider;
    this.idPrefix = idPrefix;
    this.dates = dates;
  }

  /** Parses {@code trainticket} or {@code onlineboutique} (case-insensitive). */
  public static NezhaSystem of(String name) {
    for (NezhaSystem s : values()) {
      if (s.provider.equals(name.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown system '" + name + "' (trainticket | onlineboutique)");
  }
}
