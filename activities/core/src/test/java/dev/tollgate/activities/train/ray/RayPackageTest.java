package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's working-directory zip: flat, deterministic, named by its content, capped. */
class RayPackageTest {
  @TempDir Path dir;

  private Path workdir() throws Exception {
    Path wd = Files.createDirectories(dir.resolve("wd"));
    Files.writeString(wd.resolve("train.py"), "print(1)\n");
    Files.createDirectories(wd.resolve("lib"));
    Files.writeString(wd.resolve("lib/util.py"), "X = 1\n");
    Files.createDirectories(wd.resolve(".git"));
    Files.writeString(wd.resolve(".git/HEAD"), "ref\n");
    Files.createDirectories(wd.resolve("lib/__pycache__"));
    Files.writeString(wd.resolve("lib/__pycache__/util.pyc"), "bin");
    Files.writeString(wd.resolve(RayPackage.LAUNCHER), "a user's file of the same name");
    return wd;
  }

  private static List<String> names(byte[] zip) throws Exception {
    List<String> names = new ArrayList<>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
        if (e.getName().equals(RayPackage.LAUNCHER)) {
          assertThat(new String(in.readAllBytes())).contains("TOLLGATE_RAY_STAGE");
        }
      }
    }
    return names;
  }

  @Test
  void theCodeAndTheLauncherFlatWithoutGitOrCaches() throws Exception {
    RayPackage.Built built = RayPackage.build(workdir(), 1 << 20);

    assertThat(names(built.zip())).containsExactly("lib/util.py", "train.py", RayPackage.LAUNCHER);
    assertThat(built.name()).matches("_ray_pkg_[0-9a-f]{32}\\.zip");
  }

  @Test
  void theSameCodeMakesTheSameBytesWhateverTheFilesTimes() throws Exception {
    Path wd = workdir();
    RayPackage.Built first = RayPackage.build(wd, 1 << 20);
    Files.setLastModifiedTime(
        wd.resolve("train.py"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    RayPackage.Built second = RayPackage.build(wd, 1 << 20);
    Files.writeString(wd.resolve("train.py"), "print(2)\n");
    RayPackage.Built changed = RayPackage.build(wd, 1 << 20);

    assertThat(second.zip()).isEqualTo(first.zip());
    assertThat(second.name()).isEqualTo(first.name());
    assertThat(changed.name()).isNotEqualTo(first.name());
  }

  @Test
  void aWorkdirOverTheCapIsRefusedNamingTheSetting() throws Exception {
    Path wd = workdir();
    byte[] noise = new byte[300_000];
    new java.util.Random(1).nextBytes(noise);
    Files.write(wd.resolve("data.bin"), noise);

    assertThatThrownBy(() -> RayPackage.build(wd, 200_000))
        .isInstanceOf(RayPackage.Unfit.class)
        .hasMessageContaining("tollgate.training.ray.max-package-bytes");
  }

  @Test
  void aLinkInsideTheWorkdirIsShipped() throws Exception {
    Path wd = workdir();
    Files.createSymbolicLink(wd.resolve("alias.py"), wd.resolve("train.py"));

    assertThat(names(RayPackage.build(wd, 1 << 20).zip())).contains("alias.py");
  }
}
