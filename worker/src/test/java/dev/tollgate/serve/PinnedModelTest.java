package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TOLLGATE_MODEL_*: all four or none, each checked; the store a model URI is in. */
class PinnedModelTest {
  private static final String SHA = "a".repeat(64);

  @Test
  void noneSetIsNotPinnedAndAnIncompleteSetNamesWhatIsMissing() {
    assertThat(new PinnedModel("", "", "", "").set()).isFalse();
    PinnedModel partial =
        new PinnedModel("energy-load", "s3://b/p/models/energy-load/" + SHA, "", "x");
    assertThat(partial.set()).isTrue();
    assertThatThrownBy(partial::check)
        .hasMessageContaining("TOLLGATE_MODEL_VERSION")
        .hasMessageContaining("TOLLGATE_MODEL_DIGEST")
        .hasMessageNotContaining("TOLLGATE_MODEL_NAME");
  }

  @Test
  void theStoreIsTheUriUpToItsModelsFolder() {
    PinnedModel m = new PinnedModel("energy-load", "s3://b/p/models/energy-load/" + SHA, "4", SHA);
    m.check();
    assertThat(m.storeRoot()).isEqualTo("s3://b/p");
    assertThatThrownBy(() -> new PinnedModel("m", "s3://b/other/" + SHA, "1", SHA).storeRoot())
        .hasMessageContaining("TOLLGATE_ARTIFACTS");
  }
}
