package dev.stormwatch.alert.routing;

import static dev.stormwatch.alert.routing.Alerts.at;
import static dev.stormwatch.alert.routing.Alerts.firing;
import static dev.stormwatch.alert.routing.Alerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The router operator in event time: it holds, sends, counts and then forgets each provider group. */
class AlertRouterTest {
  private static KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, AlertEvent> harness(
      RoutingConfig cfg) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, AlertEvent> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new AlertRouter(cfg.validate())), AlertEvent::provider, Types.STRING);
    h.open();
    return h;
  }

  private static StreamRecord<AlertEvent> record(AlertEvent a) {
    return new StreamRecord<>(a, Instant.parse(a.eventTime()).toEpochMilli());
  }

  @Test
  void providerOutagePagesOnceAndTheOperatorForgetsResolvedGroups() throws Exception {
    RoutingConfig cfg = new RoutingConfig();
    cfg.repeatInterval = Duration.ofHours(1);
    try (KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, AlertEvent> h = harness(cfg)) {
      for (String s : new String[] {"payments", "search", "checkout", "auth"}) {
        h.processElement(record(firing("aws", s, 0)));
      }
      h.processElement(record(firing("gcp", "search", 0)));
      h.processWatermark(at(0));
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(h.numEventTimeTimers()).isEqualTo(2);
      h.processWatermark(at(0) + 30_000);
      assertThat(h.extractOutputValues()).extracting(a -> a.provider() + "/" + a.service())
          .containsExactlyInAnyOrder("aws/*", "gcp/search");
      assertThat(h.numKeyedStateEntries()).isPositive();

      for (String s : new String[] {"payments", "search", "checkout", "auth"}) {
        h.processElement(record(resolved("aws", s, 0, 10)));
      }
      h.processElement(record(resolved("gcp", "search", 0, 10)));
      h.processWatermark(at(15));
      assertThat(h.extractOutputValues()).extracting(a -> a.service() + ":" + a.status())
          .containsExactlyInAnyOrder("*:firing", "search:firing", "*:resolved", "search:resolved");
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.getEnvironment().getAccumulatorRegistry().getUserMap()
          .get(AlertRouter.INHIBITED_COUNTER).getLocalValue()).isEqualTo(6L);
      // once two resolved the provider alert ended; the last two were released and resolved
      // before their held triggers went out
      assertThat(h.getEnvironment().getAccumulatorRegistry().getUserMap()
          .get(AlertRouter.CANCELLED_COUNTER).getLocalValue()).isEqualTo(2L);
      assertThat(h.getEnvironment().getAccumulatorRegistry().getUserMap()
          .get(AlertRouter.ROUTED_COUNTER).getLocalValue()).isEqualTo(4L);
    }
  }

  @Test
  void repeatTimerKeepsALongIncidentAliveAndIsDeletedWhenItResolves() throws Exception {
    RoutingConfig cfg = new RoutingConfig();
    cfg.repeatInterval = Duration.ofMinutes(30);
    try (KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, AlertEvent> h = harness(cfg)) {
      h.processElement(record(firing("aws", "payments", 0)));
      h.processWatermark(at(1));
      h.processWatermark(at(65));
      assertThat(h.extractOutputValues()).extracting(AlertEvent::summary)
          .containsExactly("Anomaly on aws/payments", "Still firing after 30 min: Anomaly on aws/payments",
              "Still firing after 60 min: Anomaly on aws/payments");
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
      h.processElement(record(resolved("aws", "payments", 0, 66)));
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).last().extracting(AlertEvent::status).isEqualTo(AlertEvent.RESOLVED);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void eventsFromSeveralUpstreamSubtasksAreRoutedInEventTimeOrder() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, AlertEvent> h = harness(new RoutingConfig())) {
      // search's subtask ran ahead: its minute-5 alert arrives before payments' minute-0 alert
      h.processElement(record(firing("aws", "search", 5)));
      h.processElement(record(firing("aws", "payments", 0)));
      h.processWatermark(at(5));
      assertThat(h.extractOutputValues()).extracting(AlertEvent::service).containsExactly("payments");
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).extracting(AlertEvent::service).containsExactly("payments", "search");
      assertThat(h.getEnvironment().getAccumulatorRegistry().getUserMap()
          .get(AlertRouter.GROUPED_COUNTER).getLocalValue()).isEqualTo(0L);
    }
  }

  @Test
  void routingGroupIsAFlinkPojoWithoutGenericTypes() {
    TypeInformation<RoutingGroup> type = TypeInformation.of(RoutingGroup.class);
    assertThat(type).isInstanceOf(PojoTypeInfo.class);
    SerializerConfigImpl noGenerics = new SerializerConfigImpl();
    noGenerics.setGenericTypes(false);
    assertThat(type.createSerializer(noGenerics)).isNotNull();
  }
}
