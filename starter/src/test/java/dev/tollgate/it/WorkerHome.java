package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a worker left in its home folder: registry/&lt;model&gt;.json (versions and
 * promotions) and serving/&lt;model&gt;/current.json (what local serving points at).
 */
record WorkerHome(Path dir) {
  private static final ObjectMapper JSON = new ObjectMapper();

  Path registryFile(String model) {
    return dir.resolve("registry").resolve(model + ".json");
  }

  Path servingPointer(String model) {
    return dir.resolve("serving").resolve(model).resolve("current.json");
  }

  /** The registry document, or a missing node when no version was ever registered. */
  JsonNode registry(String model) {
    return read(registryFile(model));
  }

  /** The "stage" of every registered version, in order, e.g. [PRODUCTION] or [CANDIDATE]. */
  List<String> versionStages(String model) {
    List<String> stages = new ArrayList<>();
    registry(model).path("versions").forEach(v -> stages.add(v.path("stage").asText()));
    return stages;
  }

  int promotions(String model) {
    return registry(model).path("promotions").size();
  }

  JsonNode serving(String model) {
    return read(servingPointer(model));
  }

  private static JsonNode read(Path file) {
    if (!Files.exists(file)) return JSON.missingNode();
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
