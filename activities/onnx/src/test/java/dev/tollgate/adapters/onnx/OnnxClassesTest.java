package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's own class order is mapped onto Tollgate's sorted one. */
class OnnxClassesTest {

  @Test
  void theModelsColumnOrderIsMappedToTollgatesIndices() {
    var classes = OnnxClasses.match(List.of("mid", "high", "low"), List.of("high", "low", "mid"));
    // Tollgate's class 0 ("high") is the model's column 1, and so on.
    assertThat(classes.columnOf()).containsExactly(1, 2, 0);
    assertThat(classes.indexOfLabel()).containsEntry("mid", 2);
  }

  @Test
  void aModelWithoutLabelsIsTakenInTollgatesOrder() {
    assertThat(OnnxClasses.match(List.of(), List.of("a", "b")).columnOf()).containsExactly(0, 1);
  }

  @Test
  void aDifferentNumberOfClassesIsRefused() {
    assertThatThrownBy(() -> OnnxClasses.match(List.of("0", "1"), List.of("0", "1", "2")))
        .hasMessageContaining("it predicts 2 classes but the data's target has 3");
  }
}
