package dev.tollgate.cli.common;

import dev.tollgate.spec.SpecException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A tollgate subcommand: turns what it throws into a message on stderr and an exit code — a bad
 * spec is a usage error (2), a {@link CliFailure} carries its own code, a failure a person can
 * cause (a codec key, a namespace, credentials, TLS: {@link KnownFailures}) gets its sentence, and
 * anything else is unexpected (1) and shows its causes. Picocli's own usage errors keep their code
 * 2. Both streams pass through {@link TerminalText}.
 */
public abstract class CliCommand implements Callable<Integer> {
  @Spec protected CommandSpec command;
  private PrintWriter out;

  /** The command's work; returns the exit code. */
  protected abstract int execute() throws Exception;

  @Override
  public final Integer call() throws Exception {
    PrintWriter err = TerminalText.guard(command.commandLine().getErr());
    try {
      return execute();
    } catch (Exception e) {
      if (SignalStop.stopping()) return ExitCodes.NOT_DONE; // the signal's line said it all
      return report(err, e, connection());
    } finally {
      out().flush();
      err.flush();
    }
  }

  private static int report(PrintWriter err, Exception thrown, ConnectionOptions connection)
      throws Exception {
    try {
      throw KnownFailures.explain(thrown, connection).<Exception>map(f -> f).orElse(thrown);
    } catch (SpecException e) {
      err.println("tollgate: the spec cannot be used: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (CliFailure e) {
      err.println("tollgate: " + e.getMessage());
      return e.exitCode();
    } catch (RuntimeException e) {
      err.println("tollgate: unexpected error: " + e);
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        err.println("  caused by: " + c);
      }
      return ExitCodes.NOT_DONE;
    }
  }

  /** The command's --address and --namespace, for messages; null for one without them. */
  private ConnectionOptions connection() {
    for (CommandSpec mixin : command.mixins().values()) {
      if (mixin.userObject() instanceof ConnectionOptions options) return options;
    }
    return null;
  }

  /** Standard output, without control characters (text from a run must not drive the terminal). */
  protected PrintWriter out() {
    if (out == null) out = TerminalText.guard(command.commandLine().getOut());
    return out;
  }
}
