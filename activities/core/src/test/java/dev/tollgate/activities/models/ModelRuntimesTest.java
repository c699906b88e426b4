package dev.tollgate.activities.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Core hands formats it cannot read to a runtime, and says which module is missing. */
class ModelRuntimesTest {
  private static final ModelContract CONTRACT = new ModelContract("regression", List.of("x"), null);

  @Test
  void onnxIsAFormatWithItsOwnFile() {
    assertThat(ModelFormat.of("onnx")).isEqualTo(ModelFormat.ONNX);
    assertThat(ModelFormat.ONNX.file()).isEqualTo("model.onnx");
  }

  @Test
  void withoutARuntimeTheMissingModuleIsNamed() {
    assertThatThrownBy(
            () ->
                ModelCodec.decode(
                    ModelFormat.ONNX, new byte[] {1}, CONTRACT, new ModelRuntimes(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no runtime for onnx models")
        .hasMessageContaining("tollgate-adapter-onnx");
  }

  @Test
  void theRuntimeForTheFormatLoadsItWithTheContract() {
    var seen = new ModelContract[1];
    ModelRuntime fake =
        new ModelRuntime() {
          @Override
          public ModelFormat format() {
            return ModelFormat.ONNX;
          }

          @Override
          public Predictor load(byte[] bytes, ModelContract contract) {
            seen[0] = contract;
            return new Predictor() {
              @Override
              public Predictions predict(Dataset data, int[] rows) {
                return new Predictions(new double[rows.length], null);
              }

              @Override
              public ModelFormat format() {
                return ModelFormat.ONNX;
              }

              @Override
              public byte[] bytes() {
                return bytes;
              }
            };
          }
        };
    Predictor model =
        ModelCodec.decode(
            ModelFormat.ONNX, new byte[] {1}, CONTRACT, new ModelRuntimes(List.of(fake)));
    assertThat(seen[0]).isEqualTo(CONTRACT);
    assertThat(model.bytes()).containsExactly(1);
  }

  @Test
  void aClassificationContractNeedsItsClasses() {
    assertThatThrownBy(() -> new ModelContract("classification", List.of("x"), null))
        .hasMessageContaining("needs the class labels");
    assertThat(new ModelContract(null, List.of("x"), null).task()).isEqualTo("regression");
  }
}
