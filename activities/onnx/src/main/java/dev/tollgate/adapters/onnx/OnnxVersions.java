package dev.tollgate.adapters.onnx;

import java.util.Map;

/**
 * The newest IR version and opsets the pinned ONNX Runtime (1.29.0) loads. Checked before the
 * native runtime sees the file, so a model exported by a newer converter is refused with how to
 * export one this worker can load. Raise these with the {@code onnxruntime.version} pin.
 */
final class OnnxVersions {
  static final long MAX_IR_VERSION = 13;

  /** Per operator domain; a domain not listed is left to ONNX Runtime, which names it. */
  static final Map<String, Long> MAX_OPSET =
      Map.of(OnnxHeader.DEFAULT_DOMAIN, 26L, "ai.onnx.ml", 5L);

  private OnnxVersions() {}

  /**
   * @throws IllegalArgumentException naming the version found, the newest loadable one and the
   *     converter option that chooses it
   */
  static void check(OnnxHeader header) {
    if (header.irVersion() > MAX_IR_VERSION) {
      throw new IllegalArgumentException(
          "its IR version is "
              + header.irVersion()
              + " but this worker's ONNX Runtime loads IR versions up to "
              + MAX_IR_VERSION
              + ": export with an older onnx package or a lower target_opset"
              + " (e.g. target_opset="
              + MAX_OPSET.get(OnnxHeader.DEFAULT_DOMAIN)
              + ")");
    }
    header
        .opsets()
        .forEach(
            (domain, version) -> {
              Long max = MAX_OPSET.get(domain);
              if (max != null && version > max) {
                throw new IllegalArgumentException(
                    "it uses opset "
                        + version
                        + " of domain "
                        + domain
                        + " but this worker's ONNX Runtime loads up to "
                        + max
                        + ": export with target_opset="
                        + (domain.equals(OnnxHeader.DEFAULT_DOMAIN)
                            ? Long.toString(max)
                            : "{'" + domain + "': " + max + "}"));
              }
            });
  }
}
