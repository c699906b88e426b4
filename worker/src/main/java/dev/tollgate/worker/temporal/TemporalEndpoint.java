package dev.tollgate.worker.temporal;

import dev.tollgate.connect.TemporalSecurity;
import dev.tollgate.worker.config.TollgateProperties;

/** The Temporal server this worker uses: an external one, or an embedded one it owns and closes. */
final class TemporalEndpoint implements AutoCloseable {
  private final TemporalTarget target;
  private final EmbeddedTemporalServer embedded;

  private TemporalEndpoint(TemporalTarget target, EmbeddedTemporalServer embedded) {
    this.target = target;
    this.embedded = embedded;
  }

  static TemporalEndpoint open(TollgateProperties.Temporal settings, String embeddedBind) {
    if (!settings.embedded()) {
      return new TemporalEndpoint(
          new TemporalTarget(settings.address(), settings.namespace(), false, settings.security()),
          null);
    }
    EmbeddedTemporalServer server =
        EmbeddedTemporalServer.start(embeddedBind, settings.embeddedPort());
    return new TemporalEndpoint(
        new TemporalTarget(server.address(), settings.namespace(), true, TemporalSecurity.NONE),
        server);
  }

  TemporalTarget target() {
    return target;
  }

  @Override
  public void close() {
    if (embedded != null) embedded.close();
  }
}
