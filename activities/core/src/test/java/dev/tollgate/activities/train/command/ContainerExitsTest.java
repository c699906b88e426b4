package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker's own 126/127 are not the command's; the command's own codes read as for a command. */
class ContainerExitsTest {
  @TempDir Path dir;

  private static final ContainerPolicy.Limits LIMITS =
      new ContainerPolicy.Limits(null, 512L << 20, null, "none");

  private CommandOutcome.Failed failed(ContainerEngine.Exit exit) throws IOException {
    RunFolder run = RunFolder.create(dir);
    return (CommandOutcome.Failed)
        ContainerExits.interpret(exit, "team/t:1", LIMITS, run, List.of("err"), Instant.now());
  }

  @Test
  void theEngines127IsCommandNotFoundInTheImage() throws IOException {
    CommandOutcome.Failed f =
        failed(
            new ContainerEngine.Exit(
                127, false, "exec: \"pythn\": executable file not found in $PATH: unknown"));
    assertThat(f.message()).startsWith("command not found in the image team/t:1: exec: \"pythn\"");
    assertThat(f.exitCode()).isEqualTo(-1);
    assertThat(f.retryable()).isFalse();
  }

  @Test
  void theEngines126IsNotExecutable() throws IOException {
    assertThat(
            failed(new ContainerEngine.Exit(126, false, "exec: \"/etc/passwd\": permission denied"))
                .message())
        .startsWith("the command is not executable in the image team/t:1");
  }

  @Test
  void theCommandsOwn125And127AreItsExitCodes() throws IOException {
    CommandOutcome.Failed f = failed(new ContainerEngine.Exit(125, false, ""));
    assertThat(f.message()).isEqualTo("exit 125: last lines of stderr:\nerr");
    assertThat(f.exitCode()).isEqualTo(125);
    assertThat(failed(new ContainerEngine.Exit(127, false, "")).message()).startsWith("exit 127:");
  }

  @Test
  void anOomKillNamesTheMemoryLimit() throws IOException {
    CommandOutcome.Failed f = failed(new ContainerEngine.Exit(137, true, ""));
    assertThat(f.message())
        .startsWith("killed (137): out of memory: the container reached its memory limit of 512m");
  }

  @Test
  void exit75IsRetriedAndExit0WithoutAModelFails() throws IOException {
    assertThat(failed(new ContainerEngine.Exit(75, false, "")).retryable()).isTrue();
    CommandOutcome.Failed none = failed(new ContainerEngine.Exit(0, false, ""));
    assertThat(none.message()).contains("wrote no model");
  }

  @Test
  void exit0WithAModelSucceeds() throws IOException {
    RunFolder run = RunFolder.create(dir);
    Files.writeString(run.model().resolve("model.onnx"), "m");
    assertThat(
            ContainerExits.interpret(
                new ContainerEngine.Exit(0, false, ""), "t", LIMITS, run, List.of(), Instant.now()))
        .isInstanceOf(CommandOutcome.Succeeded.class);
  }
}
