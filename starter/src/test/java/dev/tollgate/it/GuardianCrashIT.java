package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A guardian ticking every minute on the real dev server survives its worker being SIGKILLed
 * between two ticks: the restarted worker carries on, and every tick from the first to the last is
 * acted on exactly once (one run per fire time, none twice, none lost). Its own namespace and
 * worker, so the shared worker cannot take over.
 */
@ExtendWith(SharedStack.class)
class GuardianCrashIT {
  private static final String MODEL = "it-guardian";
  private static final Pattern TICK =
      Pattern.compile("(\\S+Z) schedule (STARTED|SKIPPED) ?(sched-\\S+)?");

  @Test
  void aKilledWorkerBetweenTwoTicksLosesAndDoublesNoTick() throws Exception {
    TemporalDevServer server = SharedStack.get().server();
    String ns = SharedStack.GUARDIAN_NAMESPACE;
    Cli cli = new Cli(server.address(), ns);
    Path specs = ItSettings.newWorkDir("guardian-specs");
    Path spec = ItSpecs.write(specs, ItSpecs.Spec.quick(MODEL).approvalTimeout("20s"));
    Files.writeString(spec, Files.readString(spec) + "schedule:\n  cron: \"* * * * *\"\n");
    String runs = "WorkflowId STARTS_WITH 'pipeline/" + MODEL + "/sched-'";

    try (WorkerProcess worker =
        WorkerProcess.start(
            "guardian", server.address(), ns, ItSettings.newWorkDir("guardian-home"))) {
      ProcResult enabled = cli.run("schedule", "enable", "--spec", spec.toString());
      assertThat(enabled.exitCode()).as(enabled.toString()).isZero();
      Await.until(
          "the first tick's run",
          Duration.ofMinutes(2),
          () -> Visibility.count(server, ns, runs),
          n -> n >= 1,
          worker::tail);

      // Kill between ticks: well after this minute's tick, well before the next one.
      sleepUntilSecond(20);
      worker.kill();
      sleepUntilSecond(15); // the next minute's fire passes while no worker is there
      worker.startAgain();
      long before = Visibility.count(server, ns, runs);
      Await.until(
          "two more ticks after the restart",
          Duration.ofMinutes(3),
          () -> Visibility.count(server, ns, runs),
          n -> n >= before + 2,
          worker::tail);

      ProcResult status = cli.run("schedule", "status", MODEL);
      assertThat(status.exitCode()).as(status.toString()).isZero();
      List<Matcher> ticks =
          TICK.matcher(status.out())
              .results()
              .map(r -> TICK.matcher(r.group()))
              .peek(Matcher::find)
              .toList();
      List<Instant> at = ticks.stream().map(m -> Instant.parse(m.group(1))).toList();
      assertThat(at).as(status.out()).doesNotHaveDuplicates().isSorted();
      for (int i = 1; i < at.size(); i++) {
        assertThat(Duration.between(at.get(i - 1), at.get(i)))
            .as("consecutive minutes: " + status.out())
            .isEqualTo(Duration.ofMinutes(1));
      }
      long started = ticks.stream().filter(m -> m.group(2).equals("STARTED")).count();
      assertThat(Visibility.count(server, ns, runs))
          .as("one run per started tick")
          .isEqualTo(started);
      assertThat(status.out()).doesNotContain("not started:");
      cli.run("schedule", "disable", MODEL, "--by", "it");
    }
  }

  /** Sleeps until the wall clock's second-of-minute is {@code second} (in the next minute). */
  private static void sleepUntilSecond(int second) {
    Instant now = Instant.now();
    Instant minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    Instant target = minute.plusSeconds(second);
    if (!target.isAfter(now.plusSeconds(2))) target = target.plus(Duration.ofMinutes(1));
    BackgroundProcess.sleep(Duration.between(now, target));
  }
}
