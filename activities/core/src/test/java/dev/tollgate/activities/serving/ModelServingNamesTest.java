package dev.tollgate.activities.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.artifacts.ModelStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names asked for and not served: each a 404, none remembered (a slot per name asked grew without
 * bound), and a name that is not a model name is not echoed back.
 */
class ModelServingNamesTest {
  @TempDir Path home;

  @Test
  void namesThatAreNotServedLeaveNothingBehind() {
    ModelServing serving =
        new ModelServing(home.resolve("serving"), new ModelStore(home.resolve("artifacts")));
    for (int i = 0; i < 200; i++) {
      String name = "probe-" + i;
      assertThatThrownBy(() -> serving.requireServed(name))
          .isInstanceOfSatisfying(ServingError.class, e -> assertThat(e.status()).isEqualTo(404))
          .hasMessageStartingWith("no model " + name + " is served here");
    }
    assertThat(serving.slotsHeld()).isZero();
  }

  @Test
  void aNameThatIsNotAModelNameIsNotEchoed() {
    ModelServing serving =
        new ModelServing(home.resolve("serving"), new ModelStore(home.resolve("artifacts")));
    assertThatThrownBy(() -> serving.requireServed("<script>..%2F"))
        .isInstanceOf(ServingError.class)
        .hasMessageStartingWith("not a model name")
        .hasMessageNotContaining("script");
    assertThat(serving.slotsHeld()).isZero();
  }
}
