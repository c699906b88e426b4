package dev.tollgate.worker.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.activities.train.command.CommandRequest;
import dev.tollgate.activities.train.command.CommandRunner;
import dev.tollgate.activities.train.command.LogSink;
import dev.tollgate.activities.train.command.RunListener;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.worker.config.TollgateProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code tollgate.training.*}: off by default with a refusal that says how; on when asked. */
class TrainingCommandConfigTest {
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({
    TollgateProperties.class,
    TrainingCommandProperties.class,
    ContainerTrainingProperties.class
  })
  @Import(TrainingCommandConfig.class)
  static class Wiring {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(Wiring.class)
          .withPropertyValues("tollgate.home=/srv/tollgate/home");

  @Test
  void offByDefaultAndARunIsRefusedWithHowToTurnItOn() {
    runner.run(
        context -> {
          TrainingCommands commands = context.getBean(TrainingCommands.class);
          assertThat(commands.isEnabled()).isFalse();
          assertThatThrownBy(commands::runner)
              .hasMessageContaining("this worker does not run training commands")
              .hasMessageContaining("tollgate worker --training-commands")
              .hasMessageContaining("TOLLGATE_TRAINING_COMMANDS=true");
          assertThatThrownBy(commands::pythonEnvs).hasMessageContaining("does not run training");
        });
  }

  @Test
  void onWhenTheSettingSaysSo() {
    runner
        .withPropertyValues(
            "tollgate.training.commands-enabled=true",
            "tollgate.training.pass-env=WANDB_API_KEY, HF_TOKEN")
        .run(
            context -> {
              TrainingCommands commands = context.getBean(TrainingCommands.class);
              assertThat(commands.isEnabled()).isTrue();
              assertThat(commands.runner().running()).isZero();
              assertThat(commands.pythonEnvs()).isNotNull();
              assertThat(context.getBean(TrainingCommandProperties.class).passEnv())
                  .containsExactly("WANDB_API_KEY", "HF_TOKEN");
            });
  }

  @Test
  void atStartTheLeftoversOfAKilledWorkerAreEndedAndOldRunFoldersRemoved(@TempDir Path home)
      throws Exception {
    Path runs = home.resolve("training-runs");
    Path unfinished = Files.createDirectories(runs.resolve("unfinished"));
    Files.writeString(unfinished.resolve("session"), "session=1\n");
    Path old = Files.createDirectories(runs.resolve("old"));
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
    ProcessBuilder pb = new ProcessBuilder("sleep", "1000");
    pb.environment().put("TOLLGATE_RUN_DIR", unfinished.toString());
    Process orphan = pb.start();
    try {
      runner
          .withPropertyValues("tollgate.home=" + home)
          .run(context -> assertThat(context).hasSingleBean(TrainingCommands.class));
      assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(old).doesNotExist();
      assertThat(unfinished.resolve("session")).doesNotExist();
    } finally {
      orphan.destroyForcibly();
    }
  }

  @Test
  void closingTheWorkerEndsARunningCommand(@TempDir Path home) throws Exception {
    Path started = home.resolve("started");
    Path script = home.resolve("train.sh");
    Files.writeString(
        script, "#!/bin/sh\necho $$ > " + started + "\nwhile true; do sleep 1; done\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Path csv = Files.writeString(home.resolve("rows.csv"), "x\n1\n");
    CompletableFuture<CommandOutcome> outcome = new CompletableFuture<>();
    runner
        .withPropertyValues(
            "tollgate.home=" + home,
            "tollgate.training.commands-enabled=true",
            "tollgate.training.grace=200ms")
        .run(
            context -> {
              CommandRunner commands = context.getBean(TrainingCommands.class).runner();
              Thread.ofPlatform()
                  .start(
                      () -> {
                        try {
                          outcome.complete(
                              commands.run(
                                  new CommandRequest(
                                      List.of(script.toString()),
                                      home,
                                      csv,
                                      Map.of(),
                                      Map.of(),
                                      Duration.ofMinutes(5),
                                      null),
                                  RunListener.NONE,
                                  LogSink.DISCARD));
                        } catch (Exception e) {
                          outcome.completeExceptionally(e);
                        }
                      });
              long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
              while (!Files.exists(started) && System.nanoTime() < end) Thread.sleep(20);
            }); // the context closes here, as the worker's does when it stops
    CommandOutcome.Stopped stopped = (CommandOutcome.Stopped) outcome.get(30, TimeUnit.SECONDS);
    assertThat(stopped.reason()).isEqualTo("the worker is stopping");
    long pid = Long.parseLong(Files.readString(started).trim());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void theWorkersSecretsCannotBePassedToACommand() {
    runner
        .withPropertyValues(
            "tollgate.training.commands-enabled=true",
            "tollgate.training.pass-env=AWS_SECRET_ACCESS_KEY")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining(
                        "AWS_SECRET_ACCESS_KEY is never passed to a training command"));
  }
}
