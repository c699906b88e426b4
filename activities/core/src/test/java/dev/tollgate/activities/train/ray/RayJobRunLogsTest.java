package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Ray's {@code /logs} answers the whole log every time: a chatty job's log is fetched less often as
 * it grows (not megabytes every second), and the end of the log is never lost.
 */
class RayJobRunLogsTest {

  @Test
  void theIntervalGrowsWithTheLogAndIsCapped() {
    Duration poll = Duration.ofSeconds(1);

    assertThat(RayJobRun.logsInterval(10_000, poll)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RayJobRun.logsInterval(3 << 20, poll)).isEqualTo(Duration.ofSeconds(4));
    assertThat(RayJobRun.logsInterval(Integer.MAX_VALUE, poll))
        .isEqualTo(Duration.ofSeconds(RayJobRun.MAX_LOGS_INTERVAL_SECONDS));
  }

  @Test
  void aBigLogIsFetchedLessOftenThanTheStatusAndWholeAtTheEnd() throws Exception {
    FakeRayJobs ray = new FakeRayJobs();
    String big = "x".repeat(3 << 20) + "\n";
    FakeRayJobs.FakeJob job = ray.existing("j1").running(big);
    for (int i = 0; i < 40; i++) job.then(() -> {});
    job.then(() -> job.log.append("last line\n"))
        .ends(RayJobs.Status.SUCCEEDED, null, "ok", 0, () -> {});
    RayJobRun run = new RayJobRun(ray, "j1", "s", Duration.ofMillis(5), Duration.ofSeconds(5));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = Thread.ofVirtual().start(() -> drain(run, out));

    assertThat(run.waitFor(Duration.ofSeconds(20))).isTrue();
    reader.join(5_000);

    long statuses = ray.calls.stream().filter("job"::equals).count();
    long logs = ray.calls.stream().filter("logs"::equals).count();
    assertThat(statuses).isGreaterThanOrEqualTo(42);
    assertThat(logs).as("a 3 MiB log: about one fetch in four polls").isLessThan(statuses / 2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .endsWith("last line\n")
        .hasSize(big.length() + 10);
  }

  private static void drain(RayJobRun run, ByteArrayOutputStream out) {
    try {
      run.stdout().transferTo(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
