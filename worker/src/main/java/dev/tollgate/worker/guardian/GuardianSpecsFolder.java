package dev.tollgate.worker.guardian;

import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecException;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.spec.YamlFiles;
import dev.tollgate.worker.config.TollgateProperties;
import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start-up, enables the guardian of every spec with a {@code schedule} section in {@code
 * tollgate.guardian.specs-dir} ({@code TOLLGATE_GUARDIAN_SPECS}): a fleet of models retrains by
 * itself without anyone typing {@code tollgate schedule enable}. A spec that does not parse is
 * logged with its file and key and skipped; the others still start. Runs after the workers poll.
 */
@Component
public class GuardianSpecsFolder implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(GuardianSpecsFolder.class);

  /** The name a spec change from the folder goes by in a guardian's action log. */
  static final String SPECS_DIR = "specs-dir";

  private final WorkflowClient client;
  private final Path folder;
  private volatile boolean running;

  public GuardianSpecsFolder(WorkflowClient client, TollgateProperties properties) {
    this.client = client;
    Path dir = properties.guardian().specsDir();
    // An unset TOLLGATE_GUARDIAN_SPECS binds as the empty path: that means none, not ".".
    this.folder = dir == null || dir.toString().isEmpty() ? null : dir;
  }

  @Override
  public void start() {
    running = true;
    if (folder == null) return;
    List<String> enabled = new ArrayList<>();
    for (Path file : specs()) {
      try {
        PipelineSpec spec = SpecParser.parse(file);
        if (spec.schedule() == null) {
          log.info("{}: no schedule section, no guardian", file);
          continue;
        }
        GuardianLauncher.Enabled done = GuardianLauncher.enable(client, spec, SPECS_DIR, null);
        enabled.add(spec.model() + (done.started() ? "" : " (" + done.answer().note() + ")"));
      } catch (SpecException e) {
        log.error("guardian spec skipped: {}", e.getMessage());
      }
    }
    log.info("guardians enabled from {}: {}", folder, enabled);
  }

  /**
   * Whether {@code dir} (the specs folder setting, possibly unset) holds a spec of {@code model}
   * whose digest is {@code digest}: the specs the worker's operator put there, which a running
   * guardian takes without a seal. Files that do not parse are no match.
   */
  public static boolean holds(Path dir, String model, String digest) {
    if (dir == null || dir.toString().isEmpty() || !Files.isDirectory(dir)) return false;
    for (Path file : specs(dir)) {
      try {
        PipelineSpec spec = SpecParser.parse(file);
        if (spec.model().equals(model) && SpecJson.digest(spec).equals(digest)) return true;
      } catch (SpecException e) {
        // not a usable spec: it matches nothing
      }
    }
    return false;
  }

  private List<Path> specs() {
    if (!Files.isDirectory(folder)) {
      log.error("tollgate.guardian.specs-dir {} is not a folder; no guardians started", folder);
      return List.of();
    }
    return specs(folder);
  }

  private static List<Path> specs(Path folder) {
    return YamlFiles.in(folder);
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After {@code PipelineWorkers} (default phase): the guardians' first tasks find a worker. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE + 1;
  }
}
