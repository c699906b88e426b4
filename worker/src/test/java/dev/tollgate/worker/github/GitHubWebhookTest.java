package dev.tollgate.worker.github;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tollgate.github.GitHubDelivery;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * What the endpoint answers each delivery, and what it records: nothing before the signature holds,
 * ignored events and branches answered 202 with nothing recorded, a redelivery recorded once.
 */
class GitHubWebhookTest {
  static final GitHubProperties SETTINGS =
      new GitHubProperties(
          true,
          SignedDelivery.SECRET,
          null,
          "",
          List.of("main", "release/*"),
          List.of("pipelines"),
          List.of("acme/models", "Acme/Other"),
          List.of("push", "pull_request"),
          DataSize.ofKilobytes(256));

  /** Records like Temporal's reuse policy: an id seen before is not started again. */
  static final class FakeRecorder implements DeliveryRecorder {
    final List<GitHubDelivery> started = new ArrayList<>();
    final Set<String> ids = new HashSet<>();
    boolean down;

    @Override
    public boolean record(GitHubDelivery delivery) throws Unavailable {
      if (down) throw new Unavailable(new RuntimeException("UNAVAILABLE"));
      if (!ids.add(delivery.deliveryId())) return false;
      started.add(delivery);
      return true;
    }
  }

  private final FakeRecorder recorder = new FakeRecorder();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final GitHubWebhook webhook =
      new GitHubWebhook(SETTINGS, recorder, meters, Clock.systemUTC());

  @Test
  void aSignedPushToMainIsRecordedWithItsRepositoryCommitAndSpecs() {
    GitHubWebhook.Answer answer =
        send(SignedDelivery.of("push", SignedDelivery.fixture("push.json")));

    assertThat(answer.status()).isEqualTo(202);
    GitHubDelivery d = recorder.started.getFirst();
    assertThat(d.repository()).isEqualTo("acme/models");
    assertThat(d.cloneUrl()).isEqualTo("https://github.com/acme/models.git");
    assertThat(d.ref()).isEqualTo("refs/heads/main");
    assertThat(d.sha()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    // added and modified YAML under pipelines/, once each; not removed, not outside, not code
    assertThat(d.affectedSpecs())
        .containsExactly("pipelines/churn/spec.yaml", "pipelines/energy.yml");
  }

  @Test
  void aSignedPullRequestIsRecordedWithItsHeadCommit() {
    GitHubWebhook.Answer answer =
        send(SignedDelivery.of("pull_request", SignedDelivery.fixture("pull_request.json")));

    assertThat(answer.status()).isEqualTo(202);
    GitHubDelivery d = recorder.started.getFirst();
    assertThat(d.pullRequest()).isEqualTo(42);
    assertThat(d.action()).isEqualTo("synchronize");
    assertThat(d.sha()).isEqualTo("fedcba9876543210fedcba9876543210fedcba98");
    assertThat(d.ref()).isEqualTo("deeper");
  }

  @Test
  void aRedeliveryRecordsNothingTwice() {
    SignedDelivery delivery = SignedDelivery.of("push", SignedDelivery.fixture("push.json"));

    assertThat(send(delivery).status()).isEqualTo(202);
    GitHubWebhook.Answer again = send(delivery);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("already recorded");
    assertThat(recorder.started).hasSize(1);
  }

  @Test
  void nothingIsReadOrRecordedWithoutTheSignature() {
    SignedDelivery good = SignedDelivery.of("push", SignedDelivery.fixture("push.json"));
    for (SignedDelivery bad :
        List.of(
            good.withSignature(null),
            good.withSignature("sha256=" + "0".repeat(64)),
            good.withSignature(good.signature().replace("sha256=", "sha1=")),
            good.withSignature(SignedDelivery.sign("another secret", good.body())),
            // not even a missing delivery id or a body that is not JSON is looked at first
            SignedDelivery.of("push", "not json").withSignature(null).withDeliveryId(null))) {
      GitHubWebhook.Answer answer = send(bad);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body()).doesNotContain(SignedDelivery.SECRET);
    }
    assertThat(recorder.ids).isEmpty();
    assertThat(meters.counter("tollgate.github.deliveries", "outcome", "unsigned").count())
        .isEqualTo(5);
  }

  @Test
  void refusalsCostOneLogLineAMinuteWithoutContentOrStackTrace() {
    Logger logger = (Logger) LoggerFactory.getLogger(GitHubWebhook.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      SignedDelivery forged =
          SignedDelivery.of("push", "{\"probe\":\"\u001b[31mFORGED\"}").withSignature("sha256=00");
      for (int i = 0; i < 50; i++) send(forged);
      send(SignedDelivery.of("push", SignedDelivery.fixture("push.json")));
    } finally {
      logger.detachAppender(lines);
    }

    List<ILoggingEvent> warnings =
        lines.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.getFirst().getFormattedMessage())
        .contains("127.0.0.1", "BAD_SIGNATURE", "401")
        .doesNotContain("FORGED");
    assertThat(lines.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains(SignedDelivery.SECRET));
  }

  @Test
  void pingIsAnswered200() {
    assertThat(send(SignedDelivery.of("ping", "{\"zen\":\"Keep it logically awesome.\"}")).status())
        .isEqualTo(200);
    assertThat(recorder.ids).isEmpty();
  }

  @Test
  void eventsBranchesAndActionsNotConfiguredAre202AndIgnored() {
    List<SignedDelivery> ignored =
        List.of(
            SignedDelivery.of("issues", "{\"action\":\"opened\"}"),
            SignedDelivery.of(
                "push",
                SignedDelivery.fixture("push.json", "refs/heads/main", "refs/heads/feature/x")),
            SignedDelivery.of(
                "push", SignedDelivery.fixture("push.json", "refs/heads/main", "refs/tags/v1")),
            SignedDelivery.of(
                "push",
                SignedDelivery.fixture("push.json", "\"deleted\": false", "\"deleted\": true")),
            SignedDelivery.of(
                "pull_request",
                SignedDelivery.fixture("pull_request.json", "\"synchronize\"", "\"closed\"")),
            SignedDelivery.of(
                "pull_request",
                SignedDelivery.fixture(
                    "pull_request.json", "\"ref\": \"main\"", "\"ref\": \"dev\"")));
    for (SignedDelivery delivery : ignored) {
      GitHubWebhook.Answer answer = send(delivery);

      assertThat(answer.status()).as(answer.body()).isEqualTo(202);
      assertThat(answer.body()).startsWith("ignored: ");
    }
    assertThat(recorder.ids).isEmpty();
    assertThat(meters.counter("tollgate.github.deliveries", "outcome", "ignored").count())
        .isEqualTo(6);
  }

  @Test
  void aRepositoryNotConfiguredIsIgnoredAndANameThatIsNotOneRefused() {
    byte[] other = SignedDelivery.fixture("push.json", "\"acme/models\"", "\"mallory/models\"");
    byte[] notAName = SignedDelivery.fixture("push.json", "\"acme/models\"", "\"../../x\"");

    assertThat(send(SignedDelivery.of("push", other)).body())
        .startsWith("ignored: repository 'mallory/models' is not configured");
    assertThat(send(SignedDelivery.of("push", notAName)).status()).isEqualTo(400);
    assertThat(recorder.ids).isEmpty();
    // configured names take any case
    byte[] otherCase = SignedDelivery.fixture("push.json", "\"acme/models\"", "\"acme/other\"");
    assertThat(send(SignedDelivery.of("push", otherCase)).status()).isEqualTo(202);
  }

  @Test
  void aBranchMatchingAWildcardIsTaken() {
    byte[] release =
        SignedDelivery.fixture("push.json", "refs/heads/main", "refs/heads/release/2.1");

    assertThat(send(SignedDelivery.of("push", release)).status()).isEqualTo(202);
  }

  @Test
  void signedButMalformedDeliveriesAre400() {
    assertThat(send(SignedDelivery.of("push", "[1,2]")).status()).isEqualTo(400);
    assertThat(send(SignedDelivery.of("push", "{\"ref\":")).status()).isEqualTo(400);
    // a key written twice: which one would GitHub have meant?
    String twice = "{\"ref\":\"refs/tags/x\",\"ref\":\"refs/heads/main\"}";
    assertThat(send(SignedDelivery.of("push", twice)).status()).isEqualTo(400);
    byte[] shortSha =
        SignedDelivery.fixture("push.json", "0123456789abcdef0123456789abcdef01234567", "0123");
    assertThat(send(SignedDelivery.of("push", shortSha)).status()).isEqualTo(400);
    SignedDelivery noId = SignedDelivery.of("push", SignedDelivery.fixture("push.json"));
    assertThat(send(noId.withDeliveryId(null)).status()).isEqualTo(400);
    assertThat(send(noId.withDeliveryId("../x")).status()).isEqualTo(400);
    assertThat(recorder.ids).isEmpty();
  }

  @Test
  void anOffWebhookStartsWithoutASecretAndAnswers503() {
    GitHubWebhook off =
        new GitHubWebhook(GitHubProperties.off(), recorder, meters, Clock.systemUTC());
    SignedDelivery d = SignedDelivery.of("push", SignedDelivery.fixture("push.json"));

    assertThat(off.enabled()).isFalse();
    assertThat(off.handle(d.event(), d.deliveryId(), d.signature(), d.body(), "h").status())
        .isEqualTo(503);
    assertThat(recorder.ids).isEmpty();
  }

  @Test
  void temporalDownIs503SoGitHubCanRedeliver() {
    recorder.down = true;
    assertThat(send(SignedDelivery.of("push", SignedDelivery.fixture("push.json"))).status())
        .isEqualTo(503);
  }

  private GitHubWebhook.Answer send(SignedDelivery d) {
    return webhook.handle(d.event(), d.deliveryId(), d.signature(), d.body(), "127.0.0.1");
  }
}
