package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The virtual environments of {@code python.requirements}: made with the machine's Python ({@code
 * python3 -m venv}, then pip), one per requirements file content, kept under {@code
 * <home>/python-envs/<SHA-256 of the file>} and reused. Built once even when two runs (threads, or
 * two workers sharing the home) ask at the same time: a lock per digest in this process, a file
 * lock across processes. A venv is usable only once its {@code .tollgate-ready} marker is written,
 * last; a folder without it (a worker died while building) is removed and built again. It is built
 * in place because a venv cannot be moved (its scripts name their own path).
 *
 * <p>Installing requirements runs code from the spec's folder (a source package's build), so it
 * happens only on a worker that runs commands, with the same clean environment and process group as
 * the command.
 */
public final class PythonEnvs {
  static final String READY = ".tollgate-ready";

  private final Path root;
  private final PythonEnvBuilder builder;
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  public PythonEnvs(Path root, PythonEnvBuilder builder) {
    this.root = root;
    this.builder = builder;
  }

  /** Thrown with a message ready for the run's failure (pip's own error included). */
  public static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message);
    }
  }

  /** The venv for {@code requirements}, built first if this content has none yet. */
  public Path ensure(Path requirements, LogSink sink) throws Unavailable, IOException {
    String digest = digest(requirements);
    Path venv = root.resolve(digest);
    if (Files.exists(venv.resolve(READY))) return venv;
    synchronized (locks.computeIfAbsent(digest, d -> new Object())) {
      Files.createDirectories(root);
      try (FileChannel channel =
              FileChannel.open(
                  root.resolve(digest + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (Files.exists(venv.resolve(READY))) return venv; // built while we waited
        builder.build(venv, requirements, sink);
        Files.writeString(venv.resolve(READY), requirements.getFileName() + "\n");
        return venv;
      }
    }
  }

  /** The content's SHA-256, hex: the same file anywhere shares one venv. */
  static String digest(Path requirements) throws Unavailable, IOException {
    if (!Files.isRegularFile(requirements)) {
      throw new Unavailable(
          "python.requirements: " + requirements.getFileName() + " is not a file in the workdir");
    }
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(requirements)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  /** Makes one venv: {@link PipBuilder} in the worker; a counting fake in some tests. */
  public interface PythonEnvBuilder {
    void build(Path venv, Path requirements, LogSink sink) throws Unavailable, IOException;
  }
}
