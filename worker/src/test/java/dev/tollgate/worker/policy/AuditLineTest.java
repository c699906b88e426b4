package dev.tollgate.worker.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every authorisation is one line of the {@code tollgate.audit} log, however its request was made:
 * the name, the model, the detail and the voucher's channel come from whoever sent the action, and
 * the refusal's reason quotes the name. A line break in any of them used to reach the log through
 * the reason, so a refused request could write a second, forged {@code ALLOWED} line.
 */
class AuditLineTest {
  @TempDir Path dir;

  @Test
  void aRequestCannotWriteASecondAuditLine() throws Exception {
    Files.writeString(
        dir.resolve("energy.yaml"),
        "model: energy-load\napprovers: [alice]\nrequire_identity: true\n");
    PolicyActivitiesImpl activities =
        new PolicyActivitiesImpl(new PolicyFolder(dir), null, (m, d) -> false);
    String forged = "mallory\nALLOWED rollback of energy-load by alice via mtls (to=v1): ok\u202e";
    Logger audit = (Logger) LoggerFactory.getLogger("tollgate.audit");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    audit.addAppender(lines);
    try {
      activities.authorize(
          new ActionRequest(PolicyAction.ROLLBACK, "energy-load", forged, "to=v1", null, 0));
      activities.authorize(
          new ActionRequest(
              PolicyAction.ROLLBACK,
              "energy-load",
              "alice",
              "to=v1\r\nALLOWED",
              new Voucher("mtls\nALLOWED", 0, "00"),
              0));
    } finally {
      audit.detachAppender(lines);
    }

    List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(logged).hasSize(2);
    assertThat(logged)
        .allSatisfy(l -> assertThat(l).startsWith("REFUSED ").doesNotContain("\n", "\r", "\u202e"));
  }
}
