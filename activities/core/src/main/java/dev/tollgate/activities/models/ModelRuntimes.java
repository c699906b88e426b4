package dev.tollgate.activities.models;

import java.util.List;
import java.util.ServiceLoader;

/** The {@link ModelRuntime}s a worker has: those on its classpath, or a given list in tests. */
public final class ModelRuntimes {
  private static volatile ModelRuntimes installed;

  private final List<ModelRuntime> runtimes;

  public ModelRuntimes(List<ModelRuntime> runtimes) {
    this.runtimes = List.copyOf(runtimes);
  }

  /** The runtimes registered in {@code META-INF/services}, looked up once per JVM. */
  public static ModelRuntimes installed() {
    ModelRuntimes found = installed;
    if (found == null) {
      found =
          new ModelRuntimes(
              ServiceLoader.load(ModelRuntime.class, ModelRuntimes.class.getClassLoader()).stream()
                  .map(ServiceLoader.Provider::get)
                  .toList());
      installed = found;
    }
    return found;
  }

  /**
   * The runtime for {@code format}.
   *
   * @throws IllegalArgumentException when none is installed, naming the module that provides it
   */
  public ModelRuntime require(ModelFormat format) {
    return runtimes.stream()
        .filter(r -> r.format() == format)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "this worker has no runtime for "
                        + format.id()
                        + " models (the tollgate-adapter-"
                        + format.id()
                        + " module is not on its classpath)"));
  }
}
