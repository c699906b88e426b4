package dev.tollgate.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Tollgate worker: polls Temporal for pipeline work and runs the stages. With no Temporal
 * address configured it starts Temporal's Java test server in-process (see {@link
 * dev.tollgate.worker.temporal.EmbeddedTemporalServer}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

  public static void main(String[] args) {
    start(args);
  }

  /** Starts the app; the CLI's {@code demo} and {@code worker} commands call this. */
  public static ConfigurableApplicationContext start(String... args) {
    return SpringApplication.run(WorkerApplication.class, args);
  }
}
