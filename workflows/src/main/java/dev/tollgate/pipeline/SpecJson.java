package dev.tollgate.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.spec.PipelineSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A spec as the registry keeps it: its JSON (keys sorted) and the SHA-256 of its content (the JSON
 * without {@code source}, the file it came from), so the lineage says which spec built a version
 * and a rollback can redeploy with it. Pure, so workflow code may compute both.
 */
public final class SpecJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(
              com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

  private SpecJson() {}

  public static String json(PipelineSpec spec) {
    try {
      return JSON.writeValueAsString(spec);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the spec", e);
    }
  }

  /** The spec {@link #json} wrote. */
  public static PipelineSpec read(String json) {
    try {
      return JSON.readValue(json, PipelineSpec.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a spec: " + e.getOriginalMessage(), e);
    }
  }

  public static String digest(PipelineSpec spec) {
    try {
      ObjectNode tree = JSON.valueToTree(spec);
      tree.remove("source");
      byte[] bytes = JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot digest the spec", e);
    }
  }
}
