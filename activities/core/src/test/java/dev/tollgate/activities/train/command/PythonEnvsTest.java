package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * python.requirements: one venv per file content, built once under concurrency, rebuilt when a
 * build was left half done; the real pip (skipped without python3's venv module) and its error.
 */
class PythonEnvsTest {
  @TempDir Path dir;

  private final AtomicInteger builds = new AtomicInteger();

  private PythonEnvs counting() {
    return new PythonEnvs(
        dir.resolve("envs"),
        (venv, requirements, sink) -> {
          builds.incrementAndGet();
          Files.createDirectories(venv);
          try {
            Thread.sleep(200); // long enough for the other threads to ask meanwhile
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Test
  void buildsOncePerContentEvenWhenManyRunsAskAtOnce() throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "numpy==2.1.3\n");
    Path sameContent = Files.writeString(dir.resolve("b.txt"), "numpy==2.1.3\n");
    Path other = Files.writeString(dir.resolve("c.txt"), "pandas==2.2.3\n");
    PythonEnvs envs = counting();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Path>> asked =
          pool.invokeAll(java.util.Collections.nCopies(8, () -> envs.ensure(a, LogSink.DISCARD)));
      for (Future<Path> f : asked) assertThat(f.get()).isEqualTo(asked.get(0).get());
    } finally {
      pool.shutdownNow();
    }
    assertThat(builds).hasValue(1);
    assertThat(envs.ensure(sameContent, LogSink.DISCARD))
        .isEqualTo(envs.ensure(a, LogSink.DISCARD));
    assertThat(builds).hasValue(1);
    assertThat(envs.ensure(other, LogSink.DISCARD)).isNotEqualTo(envs.ensure(a, LogSink.DISCARD));
    assertThat(builds).hasValue(2);
    assertThat(envs.ensure(a, LogSink.DISCARD).getFileName().toString())
        .isEqualTo(PythonEnvs.digest(a))
        .hasSize(64);
  }

  @Test
  void aBuildLeftHalfDoneIsBuiltAgain() throws Exception {
    Path req = Files.writeString(dir.resolve("r.txt"), "x\n");
    Files.createDirectories(dir.resolve("envs").resolve(PythonEnvs.digest(req)).resolve("bin"));
    counting().ensure(req, LogSink.DISCARD);
    assertThat(builds).hasValue(1);
  }

  private static PipBuilder pip() {
    return new PipBuilder(
        LaunchTools.fromWorker(),
        CommandEnvironment.allowed(System.getenv(), Set.of()),
        Duration.ofMinutes(5),
        Duration.ofSeconds(1));
  }

  private static void assumeVenv() throws Exception {
    Process p = new ProcessBuilder("python3", "-c", "import venv, ensurepip").start();
    assumeTrue(p.waitFor() == 0, "python3 with venv and ensurepip not installed");
  }

  @Test
  void theCommandRunsWithTheVenvsPython() throws Exception {
    assumeVenv();
    Path req = Files.writeString(dir.resolve("requirements.txt"), "# nothing to install\n");
    Path venv = new PythonEnvs(dir.resolve("envs"), pip()).ensure(req, LogSink.DISCARD);
    assertThat(venv.resolve("bin/python")).isExecutable();
    assertThat(venv.resolve(PythonEnvs.READY)).exists();

    RunnerFixture f = new RunnerFixture(dir);
    Files.writeString(
        dir.resolve("train.py"),
        "import os, sys\nopen(os.path.join(os.environ['SM_MODEL_DIR'], 'prefix'), 'w').write(sys.prefix)\n");
    CommandRequest request =
        f.request(List.of("python", "train.py"), Duration.ofSeconds(60)).withVenv(venv);
    CommandOutcome.Succeeded ok =
        (CommandOutcome.Succeeded) f.run(f.runner(Duration.ofSeconds(1)), request);
    assertThat(Files.readString(ok.modelDir().resolve("prefix"))).isEqualTo(venv.toString());
  }

  @Test
  void pipsOwnErrorIsTheMessage() throws Exception {
    assumeVenv();
    Path req = Files.writeString(dir.resolve("requirements.txt"), "-r not-there.txt\n");
    assertThatThrownBy(
            () -> new PythonEnvs(dir.resolve("envs"), pip()).ensure(req, LogSink.DISCARD))
        .isInstanceOf(PythonEnvs.Unavailable.class)
        .hasMessageStartingWith("pip install -r requirements.txt failed (exit 1):")
        .hasMessageContaining("Could not open requirements file");
    assertThat(dir.resolve("envs").resolve(PythonEnvs.digest(req)).resolve(PythonEnvs.READY))
        .doesNotExist();
  }
}
