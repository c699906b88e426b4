package dev.tollgate.worker.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.worker.slack.SlackPipelineFixture;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mTLS approval endpoint against what an unauthenticated client can try (issue 21, item 9 and
 * the Low items): half-open handshakes must not stall approvers, a subject with two CNs names
 * nobody, only the truststore's authorities are trusted (not a key entry's certificate), a
 * truststore without authorities stops the start, and bodies are bounded.
 */
class MtlsEndpointHardeningTest {
  private static final String STRICT_SPEC =
      SlackPipelineFixture.SPEC.replace("approval:\n", "approval:\n  require_identity: true\n");
  private static final char[] PASSWORD = TestCertificates.PASSWORD.toCharArray();

  @TempDir static Path dir;
  private static TestCertificates ca;
  private static SlackPipelineFixture f;
  private static ApprovalKey key;
  private static Path server;
  private static Path alice;
  private static Path truststore;
  private static MtlsApprovalEndpoint endpoint;
  private static URI url;

  @BeforeAll
  static void start() throws Exception {
    ca = TestCertificates.authority(dir, "tollgate");
    server = ca.issue("localhost");
    alice = ca.issue("alice");
    key = ApprovalKey.parse(Base64.getEncoder().encodeToString(new byte[48]));
    f = new SlackPipelineFixture(key.seal());
    truststore = ca.truststore();
    endpoint = start(truststore);
    url = URI.create("https://127.0.0.1:" + endpoint.port());
  }

  private static MtlsApprovalEndpoint start(Path truststore) throws IOException {
    return MtlsApprovalEndpoint.start(
        new MtlsSettings(
            0,
            "127.0.0.1",
            server,
            TestCertificates.PASSWORD,
            truststore,
            TestCertificates.PASSWORD),
        f.client(),
        key);
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) endpoint.close();
    if (f != null) f.close();
  }

  @Test
  void halfOpenHandshakesDoNotStallAnApprover() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        Socket s = new Socket("127.0.0.1", endpoint.port());
        OutputStream out = s.getOutputStream();
        out.write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01}); // 6 bytes of a ClientHello
        out.flush();
        stalled.add(s);
      }
      Thread.sleep(200);
      long started = System.nanoTime();
      MtlsDecisionClient.Answer answer =
          MtlsDecisionClient.send(url, alice, PASSWORD, "pipeline/energy-load/nope", true, null);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(answer.status()).isEqualTo(404);
      assertThat(took).as("answered while 4 handshakes hang").isLessThan(Duration.ofSeconds(5));
      // and the half-open ones are dropped at the handshake timeout, not held for good
      Socket first = stalled.getFirst();
      first.setSoTimeout(MtlsApprovalEndpoint.TIMEOUT_MS + 5_000);
      assertThat(readsToTheEnd(first)).as("closed by the endpoint").isTrue();
    } finally {
      for (Socket s : stalled) s.close();
    }
  }

  /** True when the peer closed the connection (end of stream or reset) before the timeout. */
  private static boolean readsToTheEnd(Socket socket) {
    try {
      return socket.getInputStream().read() == -1;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void aSubjectWithTwoCnsNamesNobody() throws Exception {
    // The endpoint took the most significant CN: this certificate approved as alice.
    Path twoNames = ca.issue("two-cns", "CN=mallory, O=Acme, CN=alice");
    WorkflowStub run = f.runAwaitingApproval("r-two-cns", STRICT_SPEC);
    String workflowId = run.getExecution().getWorkflowId();

    MtlsDecisionClient.Answer answer =
        MtlsDecisionClient.send(url, twoNames, PASSWORD, workflowId, true, "me");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.error()).contains("exactly one CN", "names 2");
    assertThat(f.status(run).audit()).as("nothing reached the run").isEmpty();
    run.cancel();
  }

  @Test
  void theOneCnCountsWhicheverRdnItIsIn() throws Exception {
    Path mailFirst = ca.issue("mail-first", "EMAILADDRESS=alice@example.com, CN=alice, O=Acme");
    MtlsDecisionClient.Answer answer =
        MtlsDecisionClient.send(url, mailFirst, PASSWORD, "pipeline/energy-load/nope", true, null);
    assertThat(answer.status()).as("past the name check, to the run lookup").isEqualTo(404);
  }

  @Test
  void aKeyEntryInTheTruststoreIsNotAnAuthority() throws Exception {
    // A truststore that also holds someone's key (the worker's keystore reused, a merged file):
    // the JDK's trust managers count that key's certificate as trusted.
    Path merged = dir.resolve("merged-trust.p12");
    Files.copy(truststore, merged);
    Path selfMade = ca.selfSigned("alice");
    ca.importKey(selfMade, merged, "someones-key");
    try (MtlsApprovalEndpoint other = start(merged)) {
      URI otherUrl = URI.create("https://127.0.0.1:" + other.port());
      assertThatThrownBy(
              () ->
                  MtlsDecisionClient.send(
                      otherUrl, selfMade, PASSWORD, "pipeline/energy-load/nope", true, null))
          .isInstanceOf(IOException.class);
      // the authority's own certificates still get in
      assertThat(
              MtlsDecisionClient.send(otherUrl, alice, PASSWORD, "pipeline/x/nope", true, null)
                  .status())
          .isEqualTo(404);
    }
  }

  @Test
  void aTruststoreWithoutAuthoritiesStopsTheStart() throws Exception {
    Path keysOnly = dir.resolve("keys-only.p12");
    ca.importKey(ca.selfSigned("bob"), keysOnly, "bob");
    assertThatThrownBy(() -> start(keysOnly).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tollgate.approval.mtls.truststore")
        .hasMessageContaining("no trusted certificate entry");
  }

  @Test
  void aBodyOverTheLimitIsRefusedUnread() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(MtlsSettings.tls(alice, PASSWORD, "alice", alice, PASSWORD, "alice"))
            .build();
    String body =
        "{\"workflow_id\": \"pipeline/energy-load/nope\", \"approve\": true, \"comment\": \""
            + "x".repeat(20_000)
            + "\"}";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(url.resolve("/decisions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
  }
}
