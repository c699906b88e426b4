package dev.tollgate.cli.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Secrets never come from the command line: every user of the machine sees a process's arguments
 * ({@code ps}, {@code /proc/PID/cmdline}) and the shell keeps them in its history. They come from
 * the environment or from a file only their owner can read; a secret given as an argument is
 * refused with where to put it instead, and never echoed.
 */
public final class CommandLineSecrets {
  /** {@code ?password=}, {@code ;password=}, {@code &password=} or {@code //user:password@}. */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)([?&;]password=)|(//[^/@]*:[^/@]*@)");

  private CommandLineSecrets() {}

  static CliFailure apiKeyGiven() {
    return new CliFailure(
        ExitCodes.USAGE,
        "--api-key is not accepted: a key on the command line is visible to every user of this"
            + " machine (ps) and stays in the shell's history. Put it in TEMPORAL_API_KEY, or in a"
            + " file only you can read and pass --api-key-file FILE (or TEMPORAL_API_KEY_FILE).");
  }

  /** The URL when it carries no password; refused otherwise (exit code 2). */
  public static String registryUrl(String url) {
    if (URL_PASSWORD.matcher(url).find()) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "--registry-url carries a password, which every user of this machine could read (ps)."
              + " Give the URL without it (here or in TOLLGATE_REGISTRY_URL) and the password in"
              + " TOLLGATE_REGISTRY_PASSWORD (and the user in TOLLGATE_REGISTRY_USER).");
    }
    return url;
  }

  /** The first line of {@code file}, trimmed; refused (exit code 2) when unreadable or empty. */
  static String readKeyFile(String option, String file) {
    String key;
    try {
      key = Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse("");
    } catch (IOException | RuntimeException e) {
      throw new CliFailure(
          ExitCodes.USAGE,
          option + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")",
          e);
    }
    if (key.isBlank()) {
      throw new CliFailure(ExitCodes.USAGE, option + " " + file + ": the file is empty");
    }
    return key.strip();
  }
}
