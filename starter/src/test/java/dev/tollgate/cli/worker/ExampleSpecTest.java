package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled example parses, and its dataset path resolves next to the spec. */
class ExampleSpecTest {
  @Test
  void energyExampleParses() {
    Path file = Path.of("../examples/energy/energy-load.yaml");

    PipelineSpec spec = SpecParser.parse(file);

    assertThat(spec.model()).isEqualTo("energy-load");
    assertThat(spec.data().train()).startsWith("file:").endsWith("/examples/energy/load.csv");
    assertThat(spec.data().features())
        .containsExactly("hour", "day_of_week", "temperature", "humidity");
    assertThat(spec.approval().approvers()).containsExactly("alice", "bob");
    assertThat(spec.validation().thresholds()).containsKeys("rmse", "r2");
    assertThat(spec.notifications().slackChannel()).isEqualTo("#ml-deploys");
  }
}
