package dev.tollgate.adapters.aws.s3;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the one {@link MotoServer} of the test run, starting it on first use. It lives in the
 * root context's store, which closes it (stopping moto) when the run ends, whatever the outcome.
 * Also sets the dummy credentials moto accepts, as the SDK's default chain reads them (system
 * properties), and turns off the SDK's EC2 metadata lookups: tests never leave this machine.
 */
public final class MotoServerExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MotoServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MotoServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    System.setProperty("aws.accessKeyId", "tollgate-test");
    System.setProperty("aws.secretAccessKey", "tollgate-test");
    System.setProperty("aws.disableEc2Metadata", "true");
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(MotoServer.class, key -> startServer(), MotoServer.class);
  }

  private static MotoServer startServer() {
    try {
      return MotoServer.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot start moto_server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting moto_server", e);
    }
  }
}
