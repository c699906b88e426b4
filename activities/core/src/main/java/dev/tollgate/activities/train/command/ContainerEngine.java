package dev.tollgate.activities.train.command;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The container engine {@link ContainerRunner} runs a training container with, kept to the few
 * calls it needs so the runner knows no vendor: Docker's CLI is one ({@code
 * dev.tollgate.activities.train.docker.DockerCli}), a test's fake another. Every call may fail with
 * an {@link EngineException} that says whether the engine was unreachable (an outage, worth a
 * retry), the image is missing, or the engine refused.
 */
public interface ContainerEngine {

  /** Where the engine is, for messages: {@code unix:///var/run/docker.sock (DOCKER_HOST)}. */
  String endpoint();

  /** The image as the engine has it; empty when it is not on the engine's host. */
  Optional<Image> image(String reference) throws EngineException;

  /** Fetches the image from its registry (only when the worker's pull policy allows). */
  void pull(String reference, Duration timeout) throws EngineException;

  /** Creates the container, not started. */
  void create(ContainerLaunch launch) throws EngineException;

  /**
   * Starts the created container attached: the returned process streams the container's stdout and
   * stderr and exits when it exits (its own exit code is not the container's: see {@link #exit}).
   */
  Process startAttached(String name) throws EngineException;

  /** How the container ended: its own exit code, whether it was OOM-killed, the engine's error. */
  Exit exit(String name) throws EngineException;

  /** SIGTERM, up to {@code grace}, then SIGKILL; returns once the container has stopped. */
  void stop(String name, Duration grace) throws EngineException, InterruptedException;

  /** Removes the container, running or not; quiet when it is gone already. */
  void remove(String name) throws EngineException;

  /** Removes every container labelled {@code label=value}; their names. */
  List<String> removeLabelled(String label, String value) throws EngineException;

  /**
   * An image's id and its own entry point and command.
   *
   * @param entrypoint the image's ENTRYPOINT (empty when it has none)
   * @param cmd the image's CMD (empty when it has none)
   */
  record Image(String id, List<String> entrypoint, List<String> cmd) {
    public Image {
      entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
      cmd = cmd == null ? List.of() : List.copyOf(cmd);
    }
  }

  /**
   * A finished container.
   *
   * @param code the container's process's exit code (the engine's 126/127 when it could not start
   *     it; then {@code error} says why)
   * @param oomKilled the kernel killed it at its memory limit
   * @param error the engine's reason it could not start the command, empty when it started
   */
  record Exit(int code, boolean oomKilled, String error) {
    public boolean started() {
      return error == null || error.isBlank();
    }
  }

  /** A failed engine call. */
  final class EngineException extends Exception {
    /** What went wrong, as far as the runner needs to tell. */
    public enum Kind {
      /** The engine did not answer (daemon down, socket missing): an outage, worth a retry. */
      UNREACHABLE,
      /** The image is not there. */
      NO_SUCH_IMAGE,
      /** The engine answered and refused. */
      REFUSED
    }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
      super(message);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }
}
