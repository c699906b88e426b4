package dev.tollgate.cli.common;

import picocli.CommandLine.IVersionProvider;

/** {@code tollgate --version}: the version the jar was built as. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"tollgate " + (v == null ? "(development build)" : v)};
  }
}
