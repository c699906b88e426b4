package dev.tollgate.worker.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.worker.github.GitHubSignature.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code X-Hub-Signature-256} over the exact bytes, and every way it can be wrong. */
class GitHubSignatureTest {
  private static final byte[] BODY = SignedDelivery.fixture("push.json");
  private final GitHubSignature signature = new GitHubSignature(SignedDelivery.SECRET);

  @Test
  void gitHubsOwnExampleHolds() {
    // docs.github.com, "Validating webhook deliveries": secret and payload of its test values
    GitHubSignature docs = new GitHubSignature("It's a Secret to Everybody");
    byte[] hello = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    assertThat(
            docs.check(
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", hello))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void aDeliverySignedWithTheSecretHolds() {
    assertThat(signature.check(SignedDelivery.sign(SignedDelivery.SECRET, BODY), BODY))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void anotherSecretDoesNotHold() {
    assertThat(signature.check(SignedDelivery.sign("another", BODY), BODY))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aMissingOrEmptyHeaderDoesNotHold() {
    assertThat(signature.check(null, BODY)).isEqualTo(Verdict.MISSING);
    assertThat(signature.check(" ", BODY)).isEqualTo(Verdict.MISSING);
  }

  @Test
  void theSha1HeaderOrABareDigestDoesNotHold() {
    String good = SignedDelivery.sign(SignedDelivery.SECRET, BODY);
    String digest = good.substring("sha256=".length());

    assertThat(signature.check("sha1=" + digest, BODY)).isEqualTo(Verdict.NOT_SHA256);
    assertThat(signature.check(digest, BODY)).isEqualTo(Verdict.NOT_SHA256);
    assertThat(signature.check("sha256=" + digest.substring(2), BODY))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aBodyChangedByOneByteDoesNotHold() {
    String good = SignedDelivery.sign(SignedDelivery.SECRET, BODY);
    byte[] changed = BODY.clone();
    changed[changed.length / 2] ^= 1;

    assertThat(signature.check(good, changed)).isEqualTo(Verdict.BAD_SIGNATURE);
    // re-serialised JSON (one more space) is another body too
    byte[] spaced =
        (new String(BODY, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    assertThat(signature.check(good, spaced)).isEqualTo(Verdict.BAD_SIGNATURE);
  }
}
