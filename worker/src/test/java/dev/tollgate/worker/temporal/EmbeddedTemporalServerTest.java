package dev.tollgate.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.net.ListeningSockets;
import dev.tollgate.activities.net.ListeningSockets.Listener;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 21, item 5: the embedded server listened on every interface ({@code *:7233}), with no
 * authentication, while the log said localhost. It listens on loopback unless told otherwise, and
 * says where it really listens.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedTemporalServerTest {

  @Test
  void listensOnLoopbackOnlyAndSaysSo(CapturedOutput output) {
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start("127.0.0.1", 0)) {
      List<Listener> listeners = on(server.port());
      assertThat(listeners).isNotEmpty().allMatch(Listener::loopback, "is loopback");
      assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
      assertThat(output).contains("listening on 127.0.0.1:" + server.port() + " (this machine");
      answers(server.address());
    }
  }

  @Test
  void anotherAddressIsTheOperatorsChoiceAndWarned(CapturedOutput output) {
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start("0.0.0.0", 0)) {
      assertThat(on(server.port())).isNotEmpty().noneMatch(Listener::loopback);
      assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
      assertThat(output)
          .contains("WARN")
          .contains("every interface", "no TLS and no authentication")
          .contains("tollgate.temporal.embedded-bind=0.0.0.0");
      answers(server.address());
    }
  }

  private static List<Listener> on(int port) {
    return ListeningSockets.ofThisProcess().stream().filter(l -> l.port() == port).toList();
  }

  private static void answers(String address) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    try {
      assertThat(
              stubs
                  .blockingStub()
                  .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
                  .hasCapabilities())
          .isTrue();
    } finally {
      stubs.shutdownNow();
    }
  }
}
