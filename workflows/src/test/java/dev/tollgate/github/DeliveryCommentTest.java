package dev.tollgate.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pull request's comment: every spec's part, text from the repository defused. */
class DeliveryCommentTest {
  private static final GitHubDelivery PR =
      new GitHubDelivery(
          "72d3162e-cc78",
          "pull_request",
          "opened",
          "acme/energy",
          "",
          "feature",
          "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
          7,
          List.of(),
          "");

  @Test
  void aProblemsTextCannotAddALinkOrAHeading() {
    String md =
        DeliveryComment.render(
            PR,
            List.of(
                new DeliveryComment.Part(
                    "specs/`x`.yaml",
                    null,
                    new SpecProblem(
                        "specs/`x`.yaml", "data.train", "[click](https://evil.example) # <b>"))));
    assertThat(md).contains("## Tollgate check of `1a2b3c4`").contains("Pull request #7");
    assertThat(md).contains("### `specs/'x'.yaml`");
    assertThat(md).doesNotContain("[click](").doesNotContain("<b>");
    assertThat(md).contains("\\[click\\]").contains("&lt;b&gt;");
  }

  @Test
  void aRunWithoutAResultSaysWhy() {
    String md =
        DeliveryComment.render(
            PR,
            List.of(
                new DeliveryComment.Part(
                    "specs/a.yaml", SpecEnd.timedOut(Duration.ofMinutes(30)), null)));
    assertThat(md).contains("❌ timed out after 30m");
  }
}
