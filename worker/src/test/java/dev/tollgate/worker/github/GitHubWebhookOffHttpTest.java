package dev.tollgate.worker.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.worker.slack.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A worker without {@code tollgate.github.*} (the default) answers 503 with the body unread. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GitHubWebhookOffHttpTest {
  private static final Path HOME = home();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tollgate.home", HOME::toString);
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
  }

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.beans.factory.ObjectProvider<dev.tollgate.github.CommitActivities> commits;

  @Test
  void offTheWorkerRunsNoGit() {
    assertThat(commits.getIfAvailable()).isNull();
  }

  @Test
  void offIs503BeforeAByteIsRead() throws Exception {
    SignedDelivery push = SignedDelivery.of("push", SignedDelivery.fixture("push.json"));
    RawHttp.Answer answer =
        RawHttp.declared(
            port,
            "/github/webhook",
            "Content-Type: application/json\r\nX-GitHub-Event: push\r\nX-Hub-Signature-256: "
                + push.signature()
                + "\r\n",
            256L * 1024 * 1024);

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body()).contains("tollgate.github.enabled");
  }

  private static Path home() {
    try {
      return Files.createTempDirectory("tollgate-github-off");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
