package dev.tollgate.activities.registry;

import dev.tollgate.activities.artifacts.ModelNames;
import dev.tollgate.activities.files.AtomicFiles;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.files.PathLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The registry files, {@code <root>/<model>.json}. Reads need no lock: files are only ever replaced
 * whole by an atomic rename. Changes are read-modify-write cycles under {@link PathLocks} on a
 * sidecar {@code <model>.json.lock} (the JSON file itself is replaced, so it cannot carry the
 * lock), so two threads or two worker processes never lose each other's versions.
 */
public final class RegistryStore {
  private final Path root;

  /** A change's new document ({@code null}: nothing to write) and what the caller gets back. */
  public record Change<T>(RegistryDocument document, T result) {}

  public RegistryStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The model's registry, or an empty one when nothing was registered yet. */
  public RegistryDocument read(String model) {
    Path file = file(model);
    return Files.isRegularFile(file)
        ? Json.read(file, RegistryDocument.class)
        : RegistryDocument.empty(model);
  }

  /** Applies {@code change} to the current document under the lock and writes the result. */
  public <T> T update(String model, Function<RegistryDocument, Change<T>> change) {
    Path file = file(model);
    return PathLocks.withLock(
        file.resolveSibling(file.getFileName() + ".lock"),
        () -> {
          Change<T> outcome = change.apply(read(model));
          if (outcome.document() != null) {
            AtomicFiles.write(file, Json.pretty(outcome.document()));
          }
          return outcome.result();
        });
  }

  private Path file(String model) {
    return root.resolve(ModelNames.check(model) + ".json");
  }
}
