package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The run in the dev server's web UI, loaded by headless Chromium: its page names the workflow and
 * shows Tollgate's search attributes. The screenshot stays in target/it-artifacts/run-page.png.
 *
 * <p>It loads a finished run: the page of a running workflow long-polls its history, so Chromium's
 * virtual-time budget never runs out there and the dump never comes.
 */
@ExtendWith(SharedStack.class)
class UiIT {
  private static final String RUN = "it-ui/r1";
  private static final String WORKFLOW_ID = "pipeline/" + RUN;

  @Test
  void theRunsPageShowsTheWorkflowAndItsSearchAttributes() throws Exception {
    Path chromium = Chromium.binary(); // fail first, before any work, if it is missing
    SharedStack stack = SharedStack.get();
    Cli cli = stack.cli();
    Runs runs = new Runs(cli, () -> stack.worker().tail());
    Path spec = stack.spec(ItSpecs.Spec.quick("it-ui"));
    assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
    runs.awaitStage(RUN, "AWAITING_APPROVAL", Duration.ofMinutes(3));
    assertThat(cli.approve(RUN, "alice").exitCode()).isZero();
    runs.awaitFinished(RUN, Duration.ofMinutes(2));

    JsonNode described = Visibility.describe(stack.server(), SharedStack.NAMESPACE, WORKFLOW_ID);
    String page =
        stack.server().uiUrl()
            + "/namespaces/default/workflows/"
            + URLEncoder.encode(WORKFLOW_ID, StandardCharsets.UTF_8)
            + "/"
            + Visibility.runId(described)
            + "/search-attributes";

    ProcResult dom = Chromium.dumpDom(page);
    Path artifacts = ItSettings.artifactDir();
    Files.writeString(artifacts.resolve("run-page.html"), dom.out());
    String text =
        dom.out().replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replaceAll("\\s+", " ");
    assertThat(dom.exitCode()).as("%s: %s", chromium, dom).isZero();
    assertThat(text)
        .as("the DOM of %s (saved as %s)", page, artifacts.resolve("run-page.html"))
        .contains(WORKFLOW_ID)
        .contains("PipelineWorkflow")
        .containsPattern("\"TollgateModel\"\\s*:\\s*\"it-ui\"")
        .containsPattern("\"TollgateOutcome\"\\s*:\\s*\"DEPLOYED\"");

    Path png = artifacts.resolve("run-page.png");
    Files.deleteIfExists(png);
    ProcResult shot = Chromium.screenshot(page, png);
    assertThat(shot.exitCode()).as(shot.toString()).isZero();
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).as("a real screenshot, not a blank page").isGreaterThan(20_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }
}
