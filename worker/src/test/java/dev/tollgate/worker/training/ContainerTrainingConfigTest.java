package dev.tollgate.worker.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.train.command.ContainerPolicy;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.worker.config.TollgateProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code tollgate.training.containers.*}: off by default and independent of commands; the worker's
 * rules (networks, caps, GPUs, pulls) come from its settings; no docker CLI stops the worker.
 */
class ContainerTrainingConfigTest {
  @TempDir Path dir;

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({
    TollgateProperties.class,
    TrainingCommandProperties.class,
    ContainerTrainingProperties.class
  })
  @Import(TrainingCommandConfig.class)
  static class Wiring {}

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withUserConfiguration(Wiring.class)
        .withPropertyValues("tollgate.home=" + dir.resolve("home"));
  }

  @Test
  void offByDefaultWithARefusalThatSaysHowToTurnItOn() {
    runner()
        .withPropertyValues("tollgate.training.commands-enabled=true")
        .run(
            context -> {
              TrainingCommands commands = context.getBean(TrainingCommands.class);
              assertThat(commands.isEnabled()).isTrue();
              assertThat(commands.containersEnabled()).as("not implied by commands").isFalse();
              assertThatThrownBy(commands::containers)
                  .hasMessageContaining("this worker does not run training containers")
                  .hasMessageContaining("tollgate worker --training-containers")
                  .hasMessageContaining("TOLLGATE_TRAINING_CONTAINERS=true");
            });
  }

  @Test
  void onWithTheWorkersRulesAndCommandsStillOff() throws Exception {
    Path docker = fakeDocker();
    runner()
        .withPropertyValues(
            "tollgate.training.containers.enabled=true",
            "tollgate.training.containers.docker=" + docker,
            "tollgate.training.containers.networks=none,HOST",
            "tollgate.training.containers.max-cpus=4",
            "tollgate.training.containers.max-memory=8g",
            "tollgate.training.containers.pull=Missing")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              TrainingCommands commands = context.getBean(TrainingCommands.class);
              assertThat(commands.isEnabled()).isFalse();
              ContainerPolicy policy = commands.containers().policy();
              assertThat(policy.networks()).containsExactlyInAnyOrder("none", "host");
              assertThat(policy.maxCpus()).isEqualTo(4.0);
              assertThat(policy.maxMemoryBytes()).isEqualTo(8L << 30);
              assertThat(policy.gpus()).isFalse();
              assertThat(policy.pull()).isEqualTo(ContainerPolicy.Pull.MISSING);
              // leftovers were looked for at start, by this home's label
              assertThat(Files.readString(dir.resolve("docker-calls")))
                  .contains(
                      "ps --all --filter label=dev.tollgate.worker="
                          + dir.resolve("home").toAbsolutePath().resolve("training-runs"));
            });
  }

  @Test
  void theDefaultsAreNoNetworkNoCapsNoGpusNoPulls() {
    ContainerPolicy policy =
        new ContainerTrainingProperties(
                false, "docker", "", java.util.List.of("none"), 0, "", false, "never")
            .policy();
    assertThat(policy).isEqualTo(ContainerPolicy.defaults());
  }

  @Test
  void badSettingsStopTheWorkerNamingThem() {
    runner()
        .withPropertyValues("tollgate.training.containers.networks=bridge")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("tollgate.training.containers.networks"));
    runner()
        .withPropertyValues("tollgate.training.containers.max-memory=lots")
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("max-memory"));
    runner()
        .withPropertyValues(
            "tollgate.training.containers.enabled=true",
            "tollgate.training.containers.docker=" + dir.resolve("no-docker"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("the docker CLI")
                    .hasMessageContaining("TOLLGATE_TRAINING_DOCKER"));
  }

  /** A docker CLI that records its arguments and lists no containers. */
  private Path fakeDocker() throws Exception {
    Path script = dir.resolve("docker");
    Files.writeString(script, "#!/bin/sh\necho \"$@\" >> " + dir.resolve("docker-calls") + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}
