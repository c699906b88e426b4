package dev.tollgate.worker.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.guardian.GuardianStatus;
import dev.tollgate.guardian.GuardianWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker enables the guardians of the specs in {@code tollgate.guardian.specs-dir} at start-up:
 * one with a schedule gets its guardian, one without gets none, a broken one is skipped without
 * stopping the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class GuardianSpecsFolderTest {
  private static final Path SPECS = specs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tollgate.home", () -> SPECS.resolveSibling("home").toString());
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
    registry.add("tollgate.guardian.specs-dir", SPECS::toString);
  }

  @Autowired WorkflowClient client;

  @Test
  void specsWithAScheduleGetTheirGuardianAndTheOthersDoNot() throws Exception {
    GuardianStatus status = null;
    for (int i = 0; i < 40 && status == null; i++) {
      status = client.newWorkflowStub(GuardianWorkflow.class, "guardian/nightly").status();
      if (status == null) Thread.sleep(100);
    }
    assertThat(status).isNotNull();
    assertThat(status.cron()).isEqualTo("30 3 * * *");
    assertThat(status.nextCronFires()).hasSize(3);
    for (String none : new String[] {"guardian/plain", "guardian/broken"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> client.newUntypedWorkflowStub(none).describe())
          .isInstanceOf(WorkflowNotFoundException.class);
    }
  }

  private static Path specs() {
    try {
      Path dir = Files.createTempDirectory("tollgate-guardian-specs").resolve("specs");
      Files.createDirectories(dir);
      String base =
          """
          model: %s
          data: { train: file:load.csv, target: load, features: [temperature] }
          training: { algorithm: gradient_boosting }
          approval: { approvers: [alice] }
          """;
      Files.writeString(
          dir.resolve("nightly.yaml"),
          base.formatted("nightly") + "schedule: { cron: \"30 3 * * *\" }\n");
      Files.writeString(dir.resolve("plain.yaml"), base.formatted("plain"));
      Files.writeString(
          dir.resolve("broken.yml"),
          base.formatted("broken") + "schedule: { cron: \"99 * * * *\" }\n");
      Files.writeString(dir.resolve("notes.txt"), "not a spec");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
