package dev.tollgate.stages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A remote's URL is recorded without anything that could be a credential. */
class RemoteUrlsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://github.com/acme/energy.git|https://github.com/acme/energy.git",
        "https://oauth2:glpat-SECRET@gitlab.com/acme/energy.git|https://gitlab.com/acme/energy.git",
        "https://user:p@ss@word@host/r.git|https://host/r.git",
        "https://ghp_SECRET@github.com/acme/e.git|https://github.com/acme/e.git",
        "https://host/r.git?private_token=SECRET#frag|https://host/r.git",
        "ssh://git@github.com:22/acme/energy.git|ssh://github.com:22/acme/energy.git",
        "git@github.com:acme/energy.git|github.com:acme/energy.git",
        "github.com:acme/energy.git|github.com:acme/energy.git",
        "file:///srv/git/energy.git|file:///srv/git/energy.git",
        "/srv/git/energy.git|/srv/git/energy.git",
        "../energy.git|../energy.git"
      })
  void strips(String url, String recorded) {
    assertThat(RemoteUrls.withoutCredentials(url)).isEqualTo(recorded);
  }
}
