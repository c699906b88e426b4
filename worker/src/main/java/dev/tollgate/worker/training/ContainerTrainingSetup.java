package dev.tollgate.worker.training;

import dev.tollgate.activities.train.command.ContainerEngine;
import dev.tollgate.activities.train.command.ContainerRunner;
import dev.tollgate.activities.train.command.RunnerSettings;
import dev.tollgate.activities.train.docker.DockerCli;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the worker's {@link ContainerRunner} when containers are on: the docker CLI must be there
 * (else the worker stops at start, saying what to install or set), and the containers a killed
 * worker on this home left behind are removed first, as {@code StaleRuns} does for processes. A
 * daemon that does not answer at start is only warned about: runs then fail as an outage (retried)
 * until it answers.
 */
final class ContainerTrainingSetup {
  private static final Logger log = LoggerFactory.getLogger(ContainerTrainingSetup.class);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private ContainerTrainingSetup() {}

  static ContainerRunner runner(
      ContainerTrainingProperties settings, RunnerSettings runner, Map<String, String> env) {
    String docker =
        DockerCli.find(settings.docker(), env.get("PATH"))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "training containers are on (tollgate.training.containers.enabled) but"
                            + " the docker CLI '"
                            + settings.docker()
                            + "' is not on this worker's PATH: install the docker CLI or set"
                            + " tollgate.training.containers.docker (TOLLGATE_TRAINING_DOCKER)"));
    ContainerEngine engine = new DockerCli(docker, settings.dockerHost(), env, CALL_TIMEOUT);
    ContainerRunner containers = new ContainerRunner(runner, settings.policy(), engine, env);
    try {
      List<String> removed = containers.removeLeftovers();
      if (!removed.isEmpty()) {
        log.warn(
            "training containers: removed {} left by unfinished runs of this home: {}",
            removed.size(),
            removed);
      }
    } catch (ContainerEngine.EngineException e) {
      log.warn(
          "training containers: cannot look for containers left by a killed worker ({}): {}",
          engine.endpoint(),
          e.getMessage());
    }
    log.warn(
        "training containers: ON — specs' training.runner: container runs their image through {}"
            + " as this worker's uid:gid; networks {}, cpus cap {}, memory cap {}, gpus {}, pull {}",
        engine.endpoint(),
        settings.policy().networks(),
        settings.policy().maxCpus() == null ? "none" : settings.policy().maxCpus(),
        settings.maxMemory().isBlank() ? "none" : settings.maxMemory(),
        settings.gpus(),
        settings.policy().pull().name().toLowerCase(java.util.Locale.ROOT));
    return containers;
  }
}
