package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec can come from whoever may start a run, so its reading is bounded: its size, its nesting,
 * and no YAML aliases (the "billion laughs" graph, which Jackson would also read as a plain
 * string).
 */
class SpecLimitsTest {
  @TempDir Path dir;

  private static PipelineSpec parse(String yaml) {
    return SpecParser.parse(yaml, "big.yaml", Path.of("/specs"));
  }

  @Test
  void aSpecOverOneMibIsRefusedBeforeItIsParsed() throws Exception {
    String padded = MinimalSpec.YAML + ("# " + "x".repeat(98) + "\n").repeat(11_000);
    assertThatThrownBy(() -> parse(padded))
        .isInstanceOf(SpecException.class)
        .hasMessage(
            String.format(
                java.util.Locale.ROOT,
                "big.yaml: (file): is %,d characters; a spec may have at most 1,048,576",
                padded.length()));
    Path file = Files.writeString(dir.resolve("big.yaml"), padded);
    assertThatThrownBy(() -> SpecParser.parse(file))
        .isInstanceOf(SpecException.class)
        .hasMessageEndingWith("(file): is over 1,048,576 bytes; a spec may have at most 1,048,576");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoOrDeviceIsNotReadForEver() throws Exception {
    Path fifo = dir.resolve("spec.yaml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> SpecParser.parse(fifo))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("is not a regular file");
    assertThatThrownBy(() -> SpecParser.parse(Path.of("/dev/zero")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("is not a regular file");
  }

  @Test
  void anAliasIsRefusedNamingItsLine() {
    String yaml =
        MinimalSpec.YAML
            + """
            validation:
              thresholds:
                r2: &strict { min: 0.9 }
                mape: *strict
            """;
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(SpecException.class)
        .hasMessage(
            "big.yaml: (yaml): line 13: YAML aliases (*strict) are not supported in a spec; write"
                + " the value out where it is used");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void billionLaughsIsRefusedAtOnce() {
    StringBuilder yaml =
        new StringBuilder(MinimalSpec.YAML)
            .append("notify:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      yaml.append("]\n");
    }
    assertThatThrownBy(() -> parse(yaml.toString()))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("YAML aliases (*a0) are not supported");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "x: " + "[".repeat(40) + "]".repeat(40) + "\n";
    assertThatThrownBy(() -> parse(MinimalSpec.YAML + deep))
        .isInstanceOf(SpecException.class)
        .hasMessage("big.yaml: (yaml): line 10: nested deeper than 16 levels");
  }

  @Test
  void anAnchorWithoutAliasStillParses() {
    String yaml = MinimalSpec.YAML.replace("approvers: [alice]", "approvers: &people [alice]");
    assertThat(parse(yaml).approval().approvers()).containsExactly("alice");
  }
}
