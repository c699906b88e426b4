package dev.tollgate.cli.common;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM stop {@code tollgate demo} and {@code tollgate worker} promptly: one
 * line on stderr says which signal and what it means for the work in progress, then the JVM exits
 * with 128 + the signal's number (130, 143), running the worker app's shutdown (a short grace for
 * the stages in flight, then abandoned: see PipelineWorkers). A stage that cannot be interrupted (a
 * training inside XGBoost's native code) does not hold the process: a watchdog halts the JVM if the
 * shutdown has not ended within {@link #HALT_AFTER}. Without this a training activity kept {@code
 * demo} alive for minutes after SIGTERM.
 */
public final class SignalStop {
  /** Longest the shutdown may take after the signal before the JVM is halted. */
  static final Duration HALT_AFTER = Duration.ofSeconds(8);

  private static volatile boolean stopping;

  private SignalStop() {}

  /**
   * @param command "demo" or "worker", for the line printed
   * @param consequence what stopping means now ("the run on the embedded server is lost"), asked
   *     when the signal arrives
   */
  public static void install(String command, PrintWriter err, Supplier<String> consequence) {
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), signal -> stop(command, err, signal, consequence));
    }
  }

  /** True once a signal arrived: commands then stay silent instead of reporting the fallout. */
  static boolean stopping() {
    return stopping;
  }

  private static void stop(
      String command, PrintWriter err, Signal signal, Supplier<String> consequence) {
    if (stopping) return; // a second Ctrl-C while stopping changes nothing
    stopping = true;
    int code = 128 + signal.getNumber();
    err.println(
        "tollgate " + command + ": stopped by SIG" + signal.getName() + "; " + consequence.get());
    err.flush();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              Runtime.getRuntime().halt(code);
            },
            "tollgate-halt-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    System.exit(code);
  }
}
