package dev.tollgate.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A retried notify activity delivers to the sinks that missed the event, and only to them. */
class NotifyDeliveryOnceTest {
  @TempDir Path home;
  private RegistryDatabase db;

  @BeforeEach
  void open() {
    db = RegistryDatabase.open(RegistryDatabase.h2Url(home), null, null);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Counts what it took; fails while {@code failures} is above zero. */
  private static final class CountingSink implements EventSink {
    private final String name;
    private final List<Integer> taken = new ArrayList<>();
    private int failures;

    CountingSink(String name, int failures) {
      this.name = name;
      this.failures = failures;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void accept(PipelineEvent event) {
      if (failures-- > 0) throw new IllegalStateException(name + " is down");
      taken.add(event.seq());
    }
  }

  private static PipelineEvent event(String run, int seq) {
    return event("energy", run, seq);
  }

  private static PipelineEvent event(String model, String run, int seq) {
    return TestEvents.finished(
        TestEvents.header(model, run, "deployed", null, seq), Outcome.DEPLOYED);
  }

  @Test
  void aRetryAfterOneSinkFailedSkipsTheSinksThatDelivered() {
    CountingSink metrics = new CountingSink("metrics", 0);
    CountingSink slack = new CountingSink("slack", 2);
    CountingSink webhook = new CountingSink("webhook", 0);
    var notify =
        new NotifyActivitiesImpl(
            List.of(metrics, slack, webhook), new JdbcDeliveryLedger(db.dataSource()));

    assertThatThrownBy(() -> notify.publish(event("r1", 1))).hasMessageContaining("slack is down");
    assertThatThrownBy(() -> notify.publish(event("r1", 1))).hasMessageContaining("slack is down");
    notify.publish(event("r1", 1));
    notify.publish(event("r1", 1)); // a retry after success: nothing more

    assertThat(metrics.taken).containsExactly(1);
    assertThat(webhook.taken)
        .as("the sink after the failing one still got it at once")
        .containsExactly(1);
    assertThat(slack.taken).containsExactly(1);
  }

  @Test
  void theLedgerIsSharedByWorkersAndKeyedByRunAndEventNumber() {
    CountingSink first = new CountingSink("slack", 0);
    CountingSink second = new CountingSink("slack", 0);
    new NotifyActivitiesImpl(List.of(first), new JdbcDeliveryLedger(db.dataSource()))
        .publish(event("r1", 1));
    var otherWorker =
        new NotifyActivitiesImpl(List.of(second), new JdbcDeliveryLedger(db.dataSource()));
    otherWorker.publish(event("r1", 1));
    otherWorker.publish(event("r1", 2));
    otherWorker.publish(event("r2", 1));

    assertThat(first.taken).containsExactly(1);
    assertThat(second.taken).containsExactly(2, 1);
  }

  /** Run ids repeat across models (two models' runs both called r1): each gets its events. */
  @Test
  void runsOfTwoModelsWithTheSameRunIdAreDeliveredApart() {
    CountingSink webhook = new CountingSink("webhook", 0);
    var notify =
        new NotifyActivitiesImpl(List.of(webhook), new JdbcDeliveryLedger(db.dataSource()));
    notify.publish(event("energy", "r1", 1));
    notify.publish(event("churn", "r1", 1));
    notify.publish(event("churn", "r1", 1)); // the retry of churn's: skipped

    assertThat(webhook.taken).containsExactly(1, 1);
  }

  @Test
  void unnumberedEventsAreDeliveredOnEveryAttempt() {
    CountingSink sink = new CountingSink("events", 0);
    var notify = new NotifyActivitiesImpl(List.of(sink), new JdbcDeliveryLedger(db.dataSource()));
    notify.publish(event("r1", 0));
    notify.publish(event("r1", 0));
    assertThat(sink.taken).containsExactly(0, 0);
  }
}
