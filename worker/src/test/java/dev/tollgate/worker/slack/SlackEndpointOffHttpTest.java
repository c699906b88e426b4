package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A worker without SLACK_SIGNING_SECRET (the default) answers {@code /slack/interactions} 503
 * without reading the body: the security review's 256 MB POST took such a worker from 408 MB to 3.0
 * GB, read whole before the refusal (issue 21, item 4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackEndpointOffHttpTest {
  private static final long MB = 1024 * 1024;
  private static final Path HOME = home();
  private static final String HEADERS = "Content-Type: application/x-www-form-urlencoded\r\n";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tollgate.home", HOME::toString);
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
    registry.add("tollgate.slack.signing-secret", () -> "");
  }

  @LocalServerPort int port;

  @Test
  void a256MbDeclaredBodyIs503BeforeAByteIsRead() throws Exception {
    RawHttp.Answer answer = RawHttp.declared(port, HEADERS, 256 * MB);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body()).isEqualTo("Slack interactivity is not configured on this worker");
  }

  @Test
  void a256MbStreamedBodyIs503AndTheWorkerStopsReading() throws Exception {
    RawHttp.Answer answer = RawHttp.chunked(port, HEADERS, 256 * MB);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.bytesWritten()).isLessThan(16 * MB);
  }

  private static Path home() {
    try {
      return Files.createTempDirectory("tollgate-slack-off");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
