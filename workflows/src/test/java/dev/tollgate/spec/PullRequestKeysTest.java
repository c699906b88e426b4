package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.pipeline.SpecJson;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code pull_request}: its keys, their defaults, and each bad value refused on its own key. */
class PullRequestKeysTest {
  private static PipelineSpec spec(String extra) {
    return SpecParser.parse(MinimalSpec.YAML + extra + "\n", "e.yaml", Path.of("/specs"));
  }

  @Test
  void readsBothKeys() {
    PipelineSpec s = spec("pull_request: {max_rows: 5000, timeout: 30m}");
    assertThat(s.pullRequest()).isEqualTo(new PullRequestSpec(5000L, Duration.ofMinutes(30)));
    assertThat(s.pullRequestOrDefault().maxRows()).isEqualTo(5000L);
  }

  @Test
  void fillsTheDefaults() {
    assertThat(spec("pull_request: {max_rows: 10}").pullRequest().timeout())
        .isEqualTo(Duration.ofHours(1));
    assertThat(spec("pull_request: {timeout: 2h}").pullRequest().maxRows()).isNull();
    assertThat(spec("").pullRequestOrDefault()).isEqualTo(PullRequestSpec.DEFAULT);
  }

  @Test
  void aSpecWithoutTheSectionKeepsItsJsonAndDigest() {
    PipelineSpec without = spec("");
    assertThat(without.pullRequest()).isNull();
    assertThat(SpecJson.json(without)).doesNotContain("pullRequest").doesNotContain("rowLimit");
    PipelineSpec with = spec("pull_request: {max_rows: 100, timeout: 45m}");
    assertThat(SpecJson.read(SpecJson.json(with))).isEqualTo(with);
    assertThat(SpecJson.digest(with)).isNotEqualTo(SpecJson.digest(without));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "pull_request: {max_rows: 0}; pull_request.max_rows; at least 1",
        "pull_request: {max_rows: 2.5}; pull_request.max_rows; whole number",
        "pull_request: {max_rows: lots}; pull_request.max_rows; number",
        "pull_request: {timeout: soon}; pull_request.timeout; duration",
        "pull_request: {timeout: 0s}; pull_request.timeout; positive duration",
        "pull_request: {max_row: 10}; pull_request.max_row; ",
        "pull_request: 5000; pull_request; ",
      })
  void refusesABadValueNamingItsKey(String yaml, String key, String says) {
    assertThatThrownBy(() -> spec(yaml))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> {
              assertThat(e.key()).isEqualTo(key);
              if (says != null) assertThat(e.getMessage()).contains(says);
            });
  }

  @Test
  void refusesFewerRowsThanDataMinRows() {
    String yaml =
        MinimalSpec.YAML.replace(
                "features: [temperature]", "features: [temperature]\n  min_rows: 50")
            + "pull_request: {max_rows: 20}\n";
    assertThatThrownBy(() -> SpecParser.parse(yaml, "e.yaml", Path.of("/specs")))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> {
              assertThat(e.key()).isEqualTo("pull_request.max_rows");
              assertThat(e.getMessage()).contains("data.min_rows (50)");
            });
  }
}
