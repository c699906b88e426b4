package dev.tollgate.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.RegistryStage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tollgate models show}'s text: a training command's lineage under its version. */
class ModelsPrinterTest {
  private static String printed(ModelRecord.Version v) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      ModelsPrinter.print(out, new ModelRecord("churn", List.of(v), Map.of(), List.of()));
    }
    return text.toString();
  }

  @Test
  void aCommandsVersionShowsWhatRanWhichCodeAndWhichEnvironment() {
    var v =
        new ModelRecord.Version(
            1,
            RegistryStage.NONE,
            null,
            "r1",
            "file:/a",
            "d",
            "s",
            "x",
            Map.of("accuracy", 0.9),
            "2026-12-07T10:00:00Z",
            Map.of(
                "command", "[\"python\",\"train.py\"]",
                "code_version", "git:0123abcd+dirty",
                "requirements_sha256", "ab12"));
    assertThat(printed(v))
        .contains(
            "       code_version git:0123abcd+dirty\n"
                + "       command [\"python\",\"train.py\"]\n"
                + "       requirements_sha256 ab12\n");
  }

  @Test
  void aCatalogueVersionHasNoLineageLines() {
    var v =
        new ModelRecord.Version(
            1,
            RegistryStage.NONE,
            null,
            "r1",
            "file:/a",
            "d",
            "s",
            "x",
            Map.of(),
            "2026-12-07T10:00:00Z");
    assertThat(printed(v)).doesNotContain("command").doesNotContain("code_version");
  }
}
