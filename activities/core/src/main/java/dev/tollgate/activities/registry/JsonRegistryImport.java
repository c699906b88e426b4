package dev.tollgate.activities.registry;

import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegistryStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the registries of earlier versions ({@code <home>/registry/<model>.json}, one file per
 * model) into the database once, on the first start: every version with its stage and metrics,
 * every promotion as audit rows with its approver and time. A file is renamed {@code
 * <model>.json.imported} after its model is in; a model the database already has is left alone, so
 * a start that stopped half-way imports the rest next time and loses nothing.
 */
public final class JsonRegistryImport {
  private static final Logger log = LoggerFactory.getLogger(JsonRegistryImport.class);

  private JsonRegistryImport() {}

  /** Imports every JSON registry under {@code folder}; returns the models imported. */
  public static List<String> run(Path folder, JdbcRegistry registry) {
    List<String> imported = new ArrayList<>();
    if (!Files.isDirectory(folder)) return imported;
    RegistryStore files = new RegistryStore(folder);
    for (Path file : jsonFiles(folder)) {
      String model = file.getFileName().toString().replaceFirst("\\.json$", "");
      RegistryDocument doc = files.read(model);
      boolean done =
          registry.inModel(
              model,
              c -> {
                if (!dev.tollgate.activities.registry.RegistryReads.versions(c, model).isEmpty()) {
                  return false;
                }
                for (RegistryDocument.Entry e : doc.versions()) {
                  JdbcRegistry.insertVersion(
                      c,
                      new RegisterRequest(
                          model, e.runId(), e.artifactUri(), e.modelDigest(), e.metrics()),
                      e.version(),
                      stage(e.stage()),
                      "imported from " + file.getFileName(),
                      Instant.parse(e.registeredAt()));
                }
                for (RegistryDocument.Promotion p : doc.promotions()) {
                  Instant at = Instant.parse(p.promotedAt());
                  String why =
                      "approved by "
                          + p.approvedBy()
                          + " (imported from "
                          + file.getFileName()
                          + ")";
                  if (p.previousVersion() != null) {
                    JdbcRegistry.audit(
                        c,
                        model,
                        p.previousVersion(),
                        RegistryStage.PRODUCTION,
                        RegistryStage.ARCHIVED,
                        p.runId(),
                        p.approvedBy(),
                        "replaced by v" + p.version(),
                        at);
                  }
                  JdbcRegistry.audit(
                      c,
                      model,
                      p.version(),
                      RegistryStage.NONE,
                      RegistryStage.PRODUCTION,
                      p.runId(),
                      p.approvedBy(),
                      why,
                      at);
                }
                return true;
              });
      rename(file);
      if (done) {
        imported.add(model);
        log.info(
            "imported {} ({} versions, {} promotions)",
            file,
            doc.versions().size(),
            doc.promotions().size());
      }
    }
    return imported;
  }

  private static RegistryStage stage(RegistryDocument.Stage s) {
    return switch (s) {
      case CANDIDATE -> RegistryStage.NONE;
      case PRODUCTION -> RegistryStage.PRODUCTION;
      case ARCHIVED -> RegistryStage.ARCHIVED;
    };
  }

  private static List<Path> jsonFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private static void rename(Path file) {
    try {
      Files.move(
          file,
          file.resolveSibling(file.getFileName() + ".imported"),
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename " + file + " after importing it", e);
    }
  }
}
