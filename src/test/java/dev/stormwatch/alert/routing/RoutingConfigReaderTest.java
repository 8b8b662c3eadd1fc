package dev.stormwatch.alert.routing;

import static dev.stormwatch.alert.routing.Alerts.firing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing section of stormwatch.yaml: values, defaults and clear errors. */
class RoutingConfigReaderTest {
  @TempDir
  Path dir;

  private JobConfig load(String yaml) throws IOException {
    Path file = dir.resolve("stormwatch.yaml");
    Files.writeString(file, yaml);
    JobConfig c = new JobConfig();
    ConfigLoader.applyYaml(c, file.toFile());
    return c;
  }

  @Test
  void withoutRepeatsKeepsEverySettingButReNotification() {
    RoutingConfig cfg = new RoutingConfig();
    cfg.enabled = false;
    cfg.groupWait = Duration.ofMinutes(3);
    cfg.groupInterval = Duration.ofMinutes(7);
    cfg.inhibitProviderMinServices = 4;
    cfg.silences.add(new Silence(new AlertMatchers("aws", null, null), Instant.EPOCH,
        Instant.EPOCH.plusSeconds(60), "test"));
    RoutingConfig copy = cfg.withoutRepeats();
    assertThat(copy.repeatInterval).isEqualTo(Duration.ZERO);
    assertThat(cfg.repeatInterval).isEqualTo(Duration.ofHours(4));
    assertThat(copy).usingRecursiveComparison().ignoringFields("repeatInterval").isEqualTo(cfg);
  }

  @Test
  void readsTimersInhibitionSilencesAndMaintenanceWindows() throws IOException {
    JobConfig c = load("""
        routing:
          group-wait: 2m
          group-interval: 10m
          repeat-interval: 0
          inhibit:
            provider-min-services: 4
          silences:
            - matchers: {provider: aws, service: "~pay.*"}
              starts: 2026-03-02T10:00:00Z
              ends: 2026-03-02T12:00:00+01:00
              comment: failover test
          maintenance:
            - matchers: {provider: gcp, severity: warning}
              days: [SAT, sunday]
              from: "22:00"
              to: "2:00"
              zone: Europe/Berlin
        """);
    RoutingConfig r = c.routing;
    assertThat(r.enabled).isTrue();
    assertThat(r.groupWait).isEqualTo(Duration.ofMinutes(2));
    assertThat(r.groupInterval).isEqualTo(Duration.ofMinutes(10));
    assertThat(r.repeatInterval).isZero();
    assertThat(r.inhibitProviderMinServices).isEqualTo(4);
    assertThat(r.silences).hasSize(1);
    long inSilence = Instant.parse("2026-03-02T10:30:00Z").toEpochMilli();
    assertThat(r.silences.get(0).silences(firing("aws", "payments", 0), inSilence)).isTrue();
    assertThat(r.silences.get(0).silences(firing("aws", "payments", 0),
        Instant.parse("2026-03-02T11:00:00Z").toEpochMilli())).isFalse();
    // Saturday 2026-02-28 23:30 in Berlin
    long saturdayNight = Instant.parse("2026-02-28T22:30:00Z").toEpochMilli();
    assertThat(r.maintenance.get(0).silences(firing("gcp", "search", 0, "warning"), saturdayNight)).isTrue();
    assertThat(r.maintenance.get(0).silences(firing("gcp", "search", 0, "critical"), saturdayNight)).isFalse();
    assertThat(r.validate()).isSameAs(r);
  }

  @Test
  void defaultsAreAlertmanagersAndTheCheckedInFileParses() throws IOException {
    RoutingConfig r = new JobConfig().routing;
    assertThat(r.groupWait).isEqualTo(Duration.ofSeconds(30));
    assertThat(r.groupInterval).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.repeatInterval).isEqualTo(Duration.ofHours(4));
    assertThat(r.inhibitProviderMinServices).isEqualTo(3);
    JobConfig shipped = new JobConfig();
    ConfigLoader.applyYaml(shipped, new File("conf/stormwatch.yaml"));
    assertThat(shipped.routing.enabled).isTrue();
    assertThat(shipped.routing.silences).isEmpty();
  }

  @Test
  void badEntriesAreNamedInTheError() {
    assertThatThrownBy(() -> load("""
        routing:
          silences:
            - matchers: {provider: aws}
              starts: 2026-03-02T10:00:00Z
              ends: 2026-03-02T12:00:00Z
            - matchers: {provider: aws}
              starts: 2026-03-02T10:00:00Z
              ends: 2026-03-02T09:00:00Z
        """)).hasMessageContaining("routing.silences[1]: ends (2026-03-02T09:00:00Z) must be after starts");
    assertThatThrownBy(() -> load("""
        routing:
          silences:
            - matchers: {service: "~pay("}
              starts: 2026-03-02T10:00:00Z
              ends: 2026-03-02T12:00:00Z
        """)).hasMessageContaining("routing.silences[0].matchers: bad regular expression 'pay('");
    assertThatThrownBy(() -> load("""
        routing:
          maintenance:
            - matchers: {provider: gcp}
              days: [SUN, FUNDAY]
              from: "02:00"
              to: "04:00"
        """)).hasMessageContaining("routing.maintenance[0]: unknown day 'FUNDAY'");
    assertThatThrownBy(() -> load("""
        routing:
          maintenance:
            - matchers: {provider: gcp}
              days: [SUN]
              from: "02:00"
              to: "04:00"
              zone: Mars/Olympus
        """)).hasMessageContaining("unknown zone 'Mars/Olympus'");
    assertThatThrownBy(() -> load("""
        routing:
          silences:
            - matchers: {region: eu}
              starts: 2026-03-02T10:00:00Z
              ends: 2026-03-02T12:00:00Z
        """)).hasMessageContaining("unknown key 'region'");
    assertThatThrownBy(() -> load("""
        routing:
          silences:
            - matchers: {provider: aws}
              starts: tomorrow
              ends: 2026-03-02T12:00:00Z
        """)).hasMessageContaining("starts 'tomorrow' is not an ISO-8601 time");
    assertThatThrownBy(() -> load("routing:\n  group-waitt: 30s\n"))
        .hasMessageContaining("unknown setting 'routing.group-waitt'");
  }

  @Test
  void unquotedTimesOfDayAreReadAsTimes() throws IOException {
    JobConfig c = load("""
        routing:
          maintenance:
            - matchers: {provider: gcp}
              days: [MON]
              from: 22:00
              to: 23:30
        """);
    // Monday 2026-03-02 23:00 UTC
    assertThat(c.routing.maintenance.get(0).activeAt(Instant.parse("2026-03-02T23:00:00Z").toEpochMilli())).isTrue();
    assertThat(c.routing.maintenance.get(0).activeAt(Instant.parse("2026-03-02T23:30:00Z").toEpochMilli())).isFalse();
  }

  @Test
  void validationRejectsNonsenseTimers() throws IOException {
    JobConfig c = load("routing:\n  group-interval: 0s\n");
    c.inputFiles = java.util.List.of("in.jsonl");
    c.outputDir = "out";
    assertThatThrownBy(c::validate).hasMessageContaining("routing.group-interval must be > 0");
    JobConfig d = load("routing:\n  inhibit:\n    provider-min-services: 1\n");
    d.inputFiles = java.util.List.of("in.jsonl");
    d.outputDir = "out";
    assertThatThrownBy(d::validate).hasMessageContaining("provider-min-services must be 0 (off) or >= 2");
  }
}
