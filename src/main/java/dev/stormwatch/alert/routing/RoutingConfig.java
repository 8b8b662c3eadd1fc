package dev.stormwatch.alert.routing;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the notification router (the {@code routing:} section of {@code stormwatch.yaml}):
 * grouping timers, provider-wide inhibition, silences and weekly maintenance windows.
 */
public class RoutingConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** False sends every lifecycle event straight to the notification sinks. */
  public boolean enabled = true;
  /** How long the first alerts of a provider group are held so that a burst goes out together. */
  public Duration groupWait = Duration.ofSeconds(30);
  /** How long later new alerts of an already-notified group wait for the next batch. */
  public Duration groupInterval = Duration.ofMinutes(5);
  /** A still-firing alert is notified again after this long; zero turns re-notification off. */
  public Duration repeatInterval = Duration.ofHours(4);
  /** Services of one provider firing at once that raise a provider-wide alert; 0 turns it off. */
  public int inhibitProviderMinServices = 3;
  public List<Silence> silences = new ArrayList<>();
  public List<MaintenanceWindow> maintenance = new ArrayList<>();

  /** Throws IllegalArgumentException naming the first invalid setting. */
  public RoutingConfig validate() {
    require(!groupWait.isNegative(), "routing.group-wait must be >= 0");
    require(!groupInterval.isNegative() && !groupInterval.isZero(), "routing.group-interval must be > 0");
    require(!repeatInterval.isNegative(), "routing.repeat-interval must be >= 0 (0 = off)");
    require(inhibitProviderMinServices == 0 || inhibitProviderMinServices >= 2,
        "routing.inhibit.provider-min-services must be 0 (off) or >= 2");
    return this;
  }

  /** A copy of these settings with re-notification off (the same silences and windows). */
  public RoutingConfig withoutRepeats() {
    RoutingConfig copy = new RoutingConfig();
    copy.enabled = enabled;
    copy.groupWait = groupWait;
    copy.groupInterval = groupInterval;
    copy.repeatInterval = Duration.ZERO;
    copy.inhibitProviderMinServices = inhibitProviderMinServices;
    copy.silences = silences;
    copy.maintenance = maintenance;
    return copy;
  }

  /** The silences and maintenance windows as one rule set. */
  public SilenceRules silenceRules() {
    return new SilenceRules(silences, maintenance);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("invalid configuration: " + message);
    }
  }
}
