package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Who acts: {@code --by NAME}, a claim, or {@code --via URL --identity FILE}: decide (or act)
 * through a worker's approval endpoint, which takes the person's name from the client certificate
 * (what {@code approval.require_identity} and a policy's {@code require_identity} accept).
 *
 * <p>Each command says in its own words who {@code --by} names: its text is the command's key
 * {@code tollgate.<command>.by} in {@code OptionTexts.properties}, the description below the
 * fallback.
 */
public final class ActorOptions {
  @Option(
      names = "--by",
      paramLabel = "NAME",
      descriptionKey = "by",
      description = "Who acts; the worker's approval policy says who may. Required unless --via.")
  String by;

  @Option(
      names = "--via",
      paramLabel = "URL",
      description = {
        "Go through a worker's approval endpoint (https://WORKER:PORT, its"
            + " tollgate.approval.mtls.port): the worker names you after your client certificate's"
            + " CN and vouches for it, and --by is not used.",
        "Required where identity is: runs with approval.require_identity, and every action on a"
            + " model whose approval policy sets require_identity."
      })
  URI via;

  @Option(
      names = "--identity",
      paramLabel = "FILE",
      description = {
        "With --via: a PKCS12 file with your key and certificate and the authority that issued"
            + " the worker's certificate. Its password comes from the variable named by"
            + " --identity-password-env."
      })
  Path identity;

  @Option(
      names = "--identity-password-env",
      paramLabel = "NAME",
      defaultValue = "TOLLGATE_IDENTITY_PASSWORD",
      description =
          "The environment variable holding --identity's password (default: ${DEFAULT-VALUE}).")
  String passwordEnv;

  /** The {@code --by} name; null when not given. */
  public String by() {
    return by;
  }

  /** True with {@code --via}: the worker names the person. */
  public boolean used() {
    return via != null;
  }

  /**
   * @throws CliFailure (usage) naming the flag that is missing or in the way
   */
  void check() {
    if (via == null) {
      if (identity != null) throw usage("--identity goes with --via URL");
      if (by == null) throw usage("--by NAME is required (or --via URL --identity FILE)");
      return;
    }
    if (by != null) {
      throw usage("--by is a claim: with --via the worker takes your name from --identity");
    }
    if (identity == null) throw usage("--via needs --identity FILE (your client certificate)");
    if (!"https".equalsIgnoreCase(via.getScheme())) {
      throw usage("--via expects the worker's https:// address, got " + via);
    }
  }

  char[] password() {
    String value = System.getenv(passwordEnv);
    if (value == null) {
      throw usage("--identity " + identity + ": set its password in " + passwordEnv);
    }
    return value.toCharArray();
  }

  /** One request to the worker's approval endpoint, with the person's identity file. */
  interface EndpointCall<T> {
    T call(URI via, Path identity, char[] password) throws IOException, InterruptedException;
  }

  /**
   * {@code call} at {@code --via} with {@code --identity}, its failures said the same way by every
   * command: what the call refuses with an {@link IllegalArgumentException} (an unreadable identity
   * file, or a refusal it reports so) exits {@code refusedExit}; an endpoint that cannot be reached
   * or refuses the certificate in the handshake exits {@link ExitCodes#UNREACHABLE}.
   */
  <T> T call(EndpointCall<T> call, int refusedExit) {
    try {
      return call.call(via, identity, password());
    } catch (IllegalArgumentException e) {
      throw new CliFailure(refusedExit, e.getMessage(), e);
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.UNREACHABLE,
          "cannot reach the approval endpoint "
              + via
              + " (or it refused your certificate in the handshake): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.NOT_DONE, "interrupted", e);
    }
  }

  private static CliFailure usage(String message) {
    return new CliFailure(ExitCodes.USAGE, message);
  }
}
