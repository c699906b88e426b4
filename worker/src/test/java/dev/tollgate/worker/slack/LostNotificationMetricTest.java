package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A notification that cannot be delivered does not change the run and is counted once per lost
 * event in {@code tollgate_notifications_failed_total}, through the workflow's replay-aware metrics
 * scope (as the worker's Micrometer registry sees it).
 */
class LostNotificationMetricTest {

  @Test
  void everyLostEventIsCountedByModelAndEventAndTheRunStillDeploys() throws Exception {
    NotifyActivities notify = mock(NotifyActivities.class, withSettings().withoutAnnotations());
    doThrow(ApplicationFailure.newNonRetryableFailure("channel_not_found", "SlackConfiguration"))
        .when(notify)
        .publish(any());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(meters))
            .reportEvery(com.uber.m3.util.Duration.ofMillis(10));
    TestEnvironmentOptions options =
        TestEnvironmentOptions.newBuilder()
            .setMetricsScope(scope)
            .setWorkerFactoryOptions(WorkerFactoryOptions.getDefaultInstance())
            .build();
    try (SlackPipelineFixture fixture = new SlackPipelineFixture(notify, options)) {
      var run =
          fixture.start(
              SlackPipelineFixture.SPEC
                  .replace("timeout: 72h", "timeout: 1h")
                  .replace("on_timeout: reject", "on_timeout: approve"),
              "lost-1");
      PipelineResult result = run.getResult(60, TimeUnit.SECONDS, PipelineResult.class);
      assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.DEPLOYED);
      scope.close(); // flushes the last report

      Counter started =
          meters
              .find("tollgate_notifications_failed")
              .tags("model", "energy-load", "event", "run_started")
              .counter();
      Counter finished =
          meters
              .find("tollgate_notifications_failed")
              .tags("model", "energy-load", "event", "finished")
              .counter();
      assertThat(started).isNotNull();
      assertThat(started.count()).isEqualTo(1.0);
      assertThat(finished).isNotNull();
      assertThat(finished.count()).isEqualTo(1.0);
    }
  }
}
