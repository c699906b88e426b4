package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limits are ONNX Runtime 1.29.0's own: it loads IR 13 with opset 26 (ai.onnx) and 5
 * (ai.onnx.ml), and refuses IR 14, opset 27 and ml opset 6 (checked against the jar, 2026-12-07).
 * Tollgate refuses one step past each before the runtime sees the file, saying how to re-export.
 */
class OnnxVersionsTest {

  private static OnnxHeader header(long ir, long opset, long mlOpset) {
    return new OnnxHeader(ir, Map.of("ai.onnx", opset, "ai.onnx.ml", mlOpset), List.of());
  }

  @Test
  void theNewestLoadableVersionsPass() {
    assertThatCode(() -> OnnxVersions.check(header(13, 26, 5))).doesNotThrowAnyException();
  }

  @Test
  void oneStepPastEachIsRefused() {
    assertThatThrownBy(() -> OnnxVersions.check(header(14, 26, 5)))
        .hasMessageContaining("IR version is 14");
    assertThatThrownBy(() -> OnnxVersions.check(header(13, 27, 5)))
        .hasMessageContaining("opset 27 of domain ai.onnx ")
        .hasMessageContaining("export with target_opset=26");
    assertThatThrownBy(() -> OnnxVersions.check(header(13, 26, 6)))
        .hasMessageContaining("opset 6 of domain ai.onnx.ml")
        .hasMessageContaining("target_opset={'ai.onnx.ml': 5}");
  }
}
