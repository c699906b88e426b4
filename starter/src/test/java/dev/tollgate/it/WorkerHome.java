package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads what a worker left in its home folder: serving/&lt;model&gt;/current.json (what local
 * serving points at). The registry is read through the CLI: {@link RegistryView}.
 */
record WorkerHome(Path dir) {
  private static final ObjectMapper JSON = new ObjectMapper();

  Path servingPointer(String model) {
    return dir.resolve("serving").resolve(model).resolve("current.json");
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
