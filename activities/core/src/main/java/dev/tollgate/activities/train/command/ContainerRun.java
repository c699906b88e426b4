package dev.tollgate.activities.train.command;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running training container, as {@link Supervision} watches it: its output comes through the
 * engine's attached client, and stopping it goes through the engine ({@code docker stop}: SIGTERM,
 * the grace, SIGKILL) — ending the client alone would leave the container running.
 */
final class ContainerRun implements Supervised {
  private static final Logger log = LoggerFactory.getLogger(ContainerRun.class);

  private final ContainerEngine engine;
  private final String name;
  private final Process client;

  ContainerRun(ContainerEngine engine, String name, Process client) {
    this.engine = engine;
    this.name = name;
    this.client = client;
  }

  @Override
  public InputStream stdout() {
    return client.getInputStream();
  }

  @Override
  public InputStream stderr() {
    return client.getErrorStream();
  }

  @Override
  public boolean waitFor(Duration d) throws InterruptedException {
    return client.waitFor(Math.max(1, d.toMillis()), TimeUnit.MILLISECONDS);
  }

  @Override
  public void tick() {}

  @Override
  public int stop(Duration grace) throws InterruptedException {
    try {
      engine.stop(name, grace);
    } catch (ContainerEngine.EngineException e) {
      // the runner removes it (docker rm -f) whatever happens here
      log.warn("training container {} not stopped: {}", name, e.getMessage());
    }
    if (!client.waitFor(10, TimeUnit.SECONDS)) client.destroyForcibly();
    return 1;
  }

  @Override
  public int afterExit(Duration grace) {
    return 0; // the container's processes ended with it
  }

  @Override
  public String describe() {
    return "container=" + name + "\n";
  }
}
