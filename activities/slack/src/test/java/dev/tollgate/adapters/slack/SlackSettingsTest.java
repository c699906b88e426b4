package dev.tollgate.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackSettingsTest {
  @Test
  void printsWhichSecretsAreSetNeverTheirValues() {
    var s =
        new SlackSettings(
            "xoxb-1-secret", "https://hooks.slack.com/T/B/secret", "sign-secret", null, "#ml", "");
    assertThat(s.toString())
        .doesNotContain("xoxb-1-secret", "hooks.slack.com", "sign-secret")
        .contains("botToken=***", "channel=#ml", "apiUrl=https://slack.com/api/");
  }
}
