package dev.tollgate.serve;

import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ModelState;
import dev.tollgate.activities.serving.ServingScope;
import dev.tollgate.worker.config.ArtifactStoreConfig;
import dev.tollgate.worker.config.TollgateProperties;
import dev.tollgate.worker.metrics.MetricBuckets;
import dev.tollgate.worker.serving.JsonOnlyConverters;
import dev.tollgate.worker.serving.ServingController;
import dev.tollgate.worker.serving.ServingHealthController;
import dev.tollgate.worker.serving.ServingLimits;
import dev.tollgate.worker.serving.ServingMeters;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code tollgate serve}: the model server as a process of its own, without Temporal. It answers
 * the worker's serving API ({@link ServingController}, with its limits and meters) for the models
 * of one environment, loaded from the same artifact store, and follows their serving pointers with
 * a poller, so a worker's restart or upgrade takes no model offline. Its settings: {@link
 * ServeProperties}, {@code application-serve.yml} (ports 8090 and 8091). Outside {@code
 * dev.tollgate.worker}, so the worker's component scan never picks it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties({
  TollgateProperties.class,
  ServingLimits.class,
  ServeProperties.class
})
@Import({
  ArtifactStoreConfig.class,
  ServingController.class,
  ServingHealthController.class,
  ServingMeters.class,
  JsonOnlyConverters.class,
  MetricBuckets.class,
  ServeConfig.class,
  ReadinessController.class
})
public class ServeApplication {
  /** The Spring profile whose file (application-serve.yml) sets serve's ports and settings. */
  public static final String PROFILE = "serve";

  public static void main(String[] args) {
    start(args);
  }

  /** Starts the server; the CLI's {@code serve} command calls this. */
  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication app = new SpringApplication(ServeApplication.class);
    app.setAdditionalProfiles(PROFILE);
    return app.run(args);
  }

  /**
   * What a started server serves, for its ready line: "production models (all): energy-load v3,
   * churn not loaded (…)".
   */
  public static String describe(ConfigurableApplicationContext app) {
    ModelServing serving = app.getBean(ModelServing.class);
    ServingScope scope = serving.scope();
    StringBuilder out =
        new StringBuilder(scope.describe())
            .append(" models ")
            .append(scope.models().isEmpty() ? "(all)" : String.join(",", scope.models()))
            .append(": ");
    List<String> assigned = serving.assigned();
    if (assigned.isEmpty()) return out.append("none deployed yet").toString();
    for (int i = 0; i < assigned.size(); i++) {
      ModelState state = serving.state(assigned.get(i));
      if (i > 0) out.append(", ");
      out.append(state.model())
          .append(
              state.loaded() ? " v" + state.version() : " not loaded (" + state.missing() + ")");
    }
    return out.toString();
  }
}
