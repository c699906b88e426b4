package dev.tollgate.cli.models;

import dev.tollgate.activities.registry.ReadOnlyRegistry;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.stages.ModelRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code models list|show --home DIR}: a home folder's H2 registry read directly, read-only, with
 * no server and no worker (after {@code tollgate demo}, say). The CLI's one door into the
 * activities module's registry: {@link ReadOnlyRegistry}.
 */
final class LocalRegistry {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Read the registry of this home folder directly, read-only, with no server or worker"
              + " (e.g. --home .tollgate after `tollgate demo`). Only the embedded H2 registry, and"
              + " only while no worker runs on that home. Not with --address.")
  Path home;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** Whether --home was given: then this is read, and no server is asked. */
  boolean chosen() {
    if (home != null && command.commandLine().getParseResult().hasMatchedOption("--address")) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "--home reads the registry on this machine; --address asks a server's worker: not both");
    }
    return home != null;
  }

  List<ModelRecord> list() {
    return read(ReadOnlyRegistry::list, "tollgate models list");
  }

  ModelRecord show(String model) {
    return read(r -> r.show(model), "tollgate models show " + model);
  }

  private <T> T read(Function<ReadOnlyRegistry, T> query, String viaServer) {
    try (ReadOnlyRegistry registry =
        ReadOnlyRegistry.open(
            home,
            System.getenv("TOLLGATE_REGISTRY_USER"),
            System.getenv("TOLLGATE_REGISTRY_PASSWORD"))) {
      return query.apply(registry);
    } catch (ReadOnlyRegistry.Refused refused) {
      throw new CliFailure(ExitCodes.NOT_DONE, explain(refused, viaServer), refused);
    }
  }

  private String explain(ReadOnlyRegistry.Refused refused, String viaServer) {
    Path folder = refused.folder();
    return switch (refused.refusal()) {
      case IN_USE ->
          "a worker is running on this home ("
              + holder(ReadOnlyRegistry.file(home))
                  .map(pid -> "pid " + pid + "?")
                  .orElse("pid unknown")
              + "): use `"
              + viaServer
              + "` against its server, or stop it";
      case ABSENT ->
          "no registry in "
              + folder
              + ": no worker or demo has used the home "
              + home
              + " (a worker with TOLLGATE_REGISTRY_URL keeps its registry in that database: ask it"
              + " with `"
              + viaServer
              + "`)";
      case OUTDATED ->
          "the registry in "
              + folder
              + " was written by an older Tollgate: start `tollgate worker --home "
              + home
              + "` once to bring it up to date (--home only reads, it changes nothing)";
      case NO_SUCH_MODEL -> refused.getMessage();
      case UNREADABLE ->
          "the registry in "
              + (folder == null ? home.resolve("registry") : folder)
              + " cannot be read: "
              + refused.getMessage();
    };
  }

  /**
   * The process that has {@code file} open, found as {@code fuser} would (Linux's /proc, this
   * user's processes only): a hint for the message, so empty when it cannot tell.
   */
  static Optional<Long> holder(Path registryFile) {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) return Optional.empty();
    Path file;
    try {
      file = registryFile.toRealPath(); // what /proc/PID/fd links to: no symbolic links
    } catch (IOException e) {
      return Optional.empty();
    }
    long self = ProcessHandle.current().pid();
    try (Stream<Path> pids = Files.list(proc)) {
      return pids.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> Long.parseLong(p.getFileName().toString()) != self)
          .filter(p -> holds(p.resolve("fd"), file))
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean holds(Path fds, Path file) {
    try (Stream<Path> links = Files.list(fds)) {
      return links.anyMatch(
          fd -> {
            try {
              return Files.readSymbolicLink(fd).equals(file);
            } catch (IOException | RuntimeException e) {
              return false;
            }
          });
    } catch (IOException | RuntimeException e) {
      return false; // another user's process, or one that just ended
    }
  }
}
