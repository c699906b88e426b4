package dev.tollgate.activities.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a model file may not smuggle into the worker: JDK classes a model is not made of (the URL of
 * the well-known URLDNS gadget), object graphs nested deeper than any tree, and arrays larger than
 * the file that declares them. Every Smile model still comes back: ModelRoundTripTest.
 */
class JavaSerialTest {

  @Test
  void aJdkClassNoModelIsMadeOfIsRefused() throws Exception {
    URL url = URI.create("file:/etc/hostname").toURL();
    Map<URL, String> gadget = new HashMap<>(Map.of(url, "x"));

    assertThatThrownBy(() -> JavaSerial.read(JavaSerial.write(gadget)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a class a model may not hold")
        .hasMessageContaining("REJECTED");
  }

  @Test
  void aGraphNestedDeeperThanAnyTreeIsRefused() {
    List<Object> deep = new ArrayList<>();
    List<Object> inner = deep;
    for (int i = 0; i < 300; i++) {
      List<Object> next = new ArrayList<>();
      inner.add(next);
      inner = next;
    }
    byte[] bytes = JavaSerial.write(deep);

    assertThatThrownBy(() -> JavaSerial.read(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REJECTED");
  }

  @Test
  void anArrayLargerThanItsFileIsRefusedBeforeItIsAllocated() {
    byte[] bytes = JavaSerial.write(new double[] {1.5});
    // the stream ends with the array's length (4 bytes) and its one double (8 bytes)
    ByteBuffer.wrap(bytes).putInt(bytes.length - 12, Integer.MAX_VALUE - 16);

    assertThatThrownBy(() -> JavaSerial.read(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REJECTED");
  }

  @Test
  void whatAModelIsMadeOfStillReads() {
    Map<String, Object> ok = new HashMap<>(Map.of("trees", new ArrayList<>(List.of(1, 2))));
    assertThat(JavaSerial.read(JavaSerial.write(ok))).isEqualTo(ok);
  }
}
