package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The spec the registry keeps reads back as the spec that was written; its digest ignores the file.
 */
class SpecJsonTest {
  @Test
  void roundTripsAndDigestsTheContentOnly() throws Exception {
    String yaml = java.nio.file.Files.readString(Path.of("../examples/energy/energy-load.yaml"));
    PipelineSpec spec = SpecParser.parse(yaml, "a/energy-load.yaml", Path.of("/specs"));
    PipelineSpec moved = SpecParser.parse(yaml, "b/elsewhere.yaml", Path.of("/specs"));

    assertThat(SpecJson.read(SpecJson.json(spec))).isEqualTo(spec);
    assertThat(SpecJson.digest(spec)).hasSize(64).isEqualTo(SpecJson.digest(moved));
    assertThat(
            SpecJson.digest(
                SpecParser.parse(
                    yaml.replace("timeout: 72h", "timeout: 48h"), "x", Path.of("/specs"))))
        .isNotEqualTo(SpecJson.digest(spec));
  }
}
