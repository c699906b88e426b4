package dev.tollgate.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.guardian.GuardianActivities;
import dev.tollgate.registry.RegistryRequest;
import dev.tollgate.stages.AliasRequest;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.ValidateActivities;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MDC;

class LogFieldsTest {

  @ParameterizedTest
  @CsvSource({
    "pipeline/energy-load/r1, energy-load",
    "pipeline/energy-load/sched-2026-11-03T02:00:00Z, energy-load",
    "guardian/iris, iris",
    "rollback/iris, iris",
    "registry/5b1c, ",
    "something-else, ",
    "pipeline/, "
  })
  void modelFromTheWorkflowId(String workflowId, String model) {
    assertThat(LogFields.modelOf(workflowId, new Object[0])).isEqualTo(model);
  }

  @Test
  void modelFromTheArgumentsWhenTheIdHasNone() {
    assertThat(LogFields.modelOf("registry/1", new Object[] {RegistryRequest.show("iris")}))
        .isEqualTo("iris");
    assertThat(LogFields.modelOf("registry/1", new Object[] {RegistryRequest.list()})).isNull();
    assertThat(
            LogFields.modelOf("registry/1", new Object[] {new AliasRequest("iris", "a", 1, "b")}))
        .isEqualTo("iris");
    assertThat(LogFields.modelOf("registry/1", new Object[] {"iris"})).isEqualTo("iris");
    assertThat(LogFields.modelOf("registry/1", new Object[] {42})).isNull();
    // The id wins: a pipeline's arguments are not looked at.
    assertThat(LogFields.modelOf("pipeline/a/r1", new Object[] {"b"})).isEqualTo("a");
  }

  @Test
  void stageOfActivityTypes() {
    assertThat(LogFields.stageOf("Train")).isEqualTo("train");
    assertThat(LogFields.stageOf("Trial")).isEqualTo("search");
    assertThat(LogFields.stageOf("Validate")).isEqualTo("validate");
    assertThat(LogFields.stageOf("SmokeTest")).isEqualTo("deploy");
    assertThat(LogFields.stageOf("Publish")).isEqualTo("notify");
    assertThat(LogFields.stageOf("Archive")).isEqualTo("archive");
    assertThat(LogFields.stageOf("SomethingNew")).isEqualTo("somethingnew");
  }

  /** A renamed activity method would silently fall out of the map; this notices. */
  @Test
  void everyMappedTypeIsARealActivityType() {
    Set<String> real =
        Stream.of(
                TrainActivities.class,
                ValidateActivities.class,
                RegistryActivities.class,
                DeployActivities.class,
                NotifyActivities.class,
                GuardianActivities.class)
            .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
            .map(Method::getName)
            .map(n -> n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1))
            .collect(Collectors.toSet());

    assertThat(real).containsAll(LogFields.mappedActivityTypes());
  }

  @Test
  void putRestoresWhatWasThere() {
    MDC.put(LogFields.MODEL, "outer");
    try (var s = LogFields.put(LogFields.MODEL, "inner")) {
      assertThat(MDC.get(LogFields.MODEL)).isEqualTo("inner");
    }
    assertThat(MDC.get(LogFields.MODEL)).isEqualTo("outer");
    MDC.remove(LogFields.MODEL);
    try (var s = LogFields.put(LogFields.MODEL, "inner")) {
      assertThat(MDC.get(LogFields.MODEL)).isEqualTo("inner");
    }
    assertThat(MDC.get(LogFields.MODEL)).isNull();
  }
}
