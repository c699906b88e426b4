package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link inside the spec's folder that leads out of it is refused on the worker. */
class WorkdirsTest {
  @TempDir Path dir;

  @Test
  void aFolderInsideIsItsRealPath() throws Exception {
    Path spec = Files.createDirectories(dir.resolve("spec"));
    Path trainer = Files.createDirectories(spec.resolve("trainer"));
    assertThat(Workdirs.inside(trainer, spec, "training.workdir")).isEqualTo(trainer.toRealPath());
    Path inner = Files.createSymbolicLink(spec.resolve("alias"), trainer);
    assertThat(Workdirs.inside(inner, spec, "training.workdir")).isEqualTo(trainer.toRealPath());
  }

  @Test
  void aLinkLeadingOutIsRefusedAndAMissingFolderNamed() throws Exception {
    Path spec = Files.createDirectories(dir.resolve("spec"));
    Path elsewhere = Files.createDirectories(dir.resolve("other-team"));
    Path link = Files.createSymbolicLink(spec.resolve("trainer"), elsewhere);
    assertThatThrownBy(() -> Workdirs.inside(link, spec, "training.workdir"))
        .isInstanceOf(Workdirs.Outside.class)
        .hasMessageContaining("training.workdir: ")
        .hasMessageContaining("leads outside the spec's folder");
    assertThatThrownBy(() -> Workdirs.inside(spec.resolve("nope"), spec, "training.workdir"))
        .hasMessageEndingWith("does not exist on this worker");
  }
}
