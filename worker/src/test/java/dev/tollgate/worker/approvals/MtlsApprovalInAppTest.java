package dev.tollgate.worker.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mTLS endpoint as the worker app starts it from {@code tollgate.approval.mtls.*}: its own
 * Tomcat beside the one of the HTTP port, on the configured address, answering a decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MtlsApprovalInAppTest {
  private static final Path DIR = dir();
  private static final int PORT = freePort();
  private static Path alice;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    TestCertificates ca = TestCertificates.authority(DIR, "app");
    Path server = ca.issue("localhost");
    alice = ca.issue("alice");
    Path trust = ca.truststore();
    registry.add("tollgate.home", () -> DIR.resolve("home").toString());
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
    registry.add("tollgate.approval.key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    registry.add("tollgate.approval.mtls.port", () -> Integer.toString(PORT));
    registry.add("tollgate.approval.mtls.address", () -> "127.0.0.1");
    registry.add("tollgate.approval.mtls.keystore", server::toString);
    registry.add("tollgate.approval.mtls.keystore-password", () -> TestCertificates.PASSWORD);
    registry.add("tollgate.approval.mtls.truststore", trust::toString);
    registry.add("tollgate.approval.mtls.truststore-password", () -> TestCertificates.PASSWORD);
  }

  @LocalServerPort int httpPort;

  @Test
  void theEndpointAnswersBesideTheHttpPort() throws Exception {
    assertThat(httpPort).isNotEqualTo(PORT);
    MtlsDecisionClient.Answer answer =
        MtlsDecisionClient.send(
            URI.create("https://127.0.0.1:" + PORT),
            alice,
            TestCertificates.PASSWORD.toCharArray(),
            "pipeline/energy-load/nope",
            true,
            null);
    assertThat(answer.status()).as(String.valueOf(answer.error())).isEqualTo(404);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path dir() {
    try {
      return Files.createTempDirectory("tollgate-mtls-app");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
