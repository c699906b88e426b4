package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {
  @TempDir Path dir;

  @Test
  void sweepsOldFinishedRunsOnlyAndNeverFollowsLinks() throws Exception {
    Path root = dir.resolve("training-runs");
    Path outside = Files.writeString(dir.resolve("keep.txt"), "not the run's");
    RunFolder old = RunFolder.create(root);
    Files.createSymbolicLink(old.model().resolve("link"), outside);
    RunFolder running = RunFolder.create(root);
    Files.writeString(running.sessionFile(), "session=1\n");
    RunFolder fresh = RunFolder.create(root);
    FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(10)));
    Files.setLastModifiedTime(old.root(), longAgo);
    Files.setLastModifiedTime(running.root(), longAgo);

    assertThat(RunFolders.sweep(root, Duration.ofDays(7))).isEqualTo(1);
    assertThat(old.root()).doesNotExist();
    assertThat(running.root()).exists();
    assertThat(fresh.root()).exists();
    assertThat(outside).hasContent("not the run's");
  }
}
