package dev.tollgate.worker.training;

import dev.tollgate.activities.train.command.CommandRunner;
import dev.tollgate.activities.train.command.PipBuilder;
import dev.tollgate.activities.train.command.PythonEnvs;
import dev.tollgate.activities.train.command.RunFolders;
import dev.tollgate.activities.train.command.RunnerSettings;
import dev.tollgate.activities.train.command.StaleRuns;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.activities.train.ray.RayRunner;
import dev.tollgate.worker.config.TollgateProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's {@link TrainingCommands}: off, or a {@link CommandRunner} whose runs live under
 * {@code <home>/training-runs}. Said once at start-up; a worker with commands on but without setsid
 * or a recent env stops there, not at its first run. Commands still running when the worker stops
 * have their groups ended ({@link CommandRunner#shutdown}).
 */
@Configuration(proxyBeanMethods = false)
public class TrainingCommandConfig {
  private static final Logger log = LoggerFactory.getLogger(TrainingCommandConfig.class);
  private static final Duration KEEP_FINISHED_RUNS = Duration.ofDays(7);

  @Bean
  TrainingCommands trainingCommands(
      TrainingCommandProperties settings,
      ContainerTrainingProperties containers,
      TollgateProperties tollgate,
      // RayTrainingConfig's runner, there only with tollgate.training.ray.enabled
      ObjectProvider<RayRunner> ray)
      throws IOException {
    TrainingCommands commands = commands(settings, tollgate);
    RayRunner rayRunner = ray.getIfAvailable();
    if (rayRunner == null) {
      log.info("training on Ray: off (tollgate.training.ray.enabled)");
    } else {
      commands = commands.withRay(rayRunner);
    }
    if (!containers.enabled()) {
      log.info("training containers: off (tollgate.training.containers.enabled)");
      return commands;
    }
    RunnerSettings runner = runnerSettings(settings, tollgate);
    return commands.withContainers(
        ContainerTrainingSetup.runner(containers, runner, System.getenv()));
  }

  static RunnerSettings runnerSettings(
      TrainingCommandProperties settings, TollgateProperties tollgate) {
    RunnerSettings defaults = RunnerSettings.defaults(tollgate.home().toAbsolutePath());
    return new RunnerSettings(
        defaults.runsRoot(),
        settings.grace(),
        defaults.tick(),
        defaults.logLimitBytes(),
        Set.copyOf(settings.passEnv()));
  }

  private static TrainingCommands commands(
      TrainingCommandProperties settings, TollgateProperties tollgate) throws IOException {
    // Before anything else, even with commands now off: a worker killed mid-run left its command.
    Path runs = RunnerSettings.defaults(tollgate.home().toAbsolutePath()).runsRoot();
    List<Long> stale = StaleRuns.reap(runs);
    if (!stale.isEmpty()) {
      log.warn(
          "training commands: killed {} processes left by unfinished runs in {}",
          stale.size(),
          runs);
    }
    // Run folders hold training rows: a crash or a failed upload must not keep them for ever.
    int swept = RunFolders.sweep(runs, KEEP_FINISHED_RUNS);
    if (swept > 0) log.info("training commands: removed {} run folders older than 7 days", swept);
    if (!settings.commandsEnabled()) {
      log.info("training commands: off (tollgate.training.commands-enabled)");
      return TrainingCommands.disabled();
    }
    RunnerSettings runner = runnerSettings(settings, tollgate);
    log.warn(
        "training commands: ON — specs' training.command runs as this worker's user in {} (grace"
            + " {}, passing {} beyond PATH, HOME and the locale)",
        runner.runsRoot(),
        settings.grace(),
        settings.passEnv());
    PythonEnvs envs =
        new PythonEnvs(
            tollgate.home().toAbsolutePath().resolve("python-envs"),
            PipBuilder.forWorker(runner, settings.pipTimeout()));
    return TrainingCommands.enabled(new CommandRunner(runner), envs);
  }

  /** Ends running commands' groups, training containers and Ray jobs when the worker stops. */
  @Bean
  AutoCloseable trainingCommandsShutdown(
      TrainingCommands commands, TrainingCommandProperties settings) {
    return () -> {
      if (commands.rayEnabled()) {
        // each followed job is asked to stop within a tick; a RUNNING one is waited for
        Duration wait = settings.grace().plus(Duration.ofSeconds(10));
        if (!commands.ray().shutdown("the worker is stopping", wait)) {
          log.warn("Ray jobs still followed after {}; a retried attempt finds them", wait);
        }
      }
      if (commands.containersEnabled()) {
        // docker stop: SIGTERM, the grace, SIGKILL; then the runner removes each container
        Duration wait = settings.grace().plus(Duration.ofSeconds(30));
        if (!commands.containers().shutdown("the worker is stopping", wait)) {
          log.warn("training containers still running after {}; the next start removes them", wait);
        }
      }
      if (commands.isEnabled()) {
        // Each run notices within a tick (5 s), then has its grace before SIGKILL.
        Duration wait = settings.grace().plus(Duration.ofSeconds(10));
        if (!commands.runner().shutdown("the worker is stopping", wait)) {
          log.warn(
              "training commands still running after {}; their groups may outlive the worker",
              wait);
        }
      }
    };
  }
}
