package dev.tollgate.serve;

import dev.tollgate.activities.serving.ServingScope;
import dev.tollgate.spec.PipelineSpec;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tollgate.serve.*}: what a {@code tollgate serve} process serves (application-serve.yml).
 *
 * @param env TOLLGATE_SERVE_ENV, default production: production serves the models' own names,
 *     staging the {@code <model>.staging} names a staging environment's deploy writes
 * @param models TOLLGATE_SERVE_MODELS, comma-separated model names; empty = every model of the
 *     environment
 * @param pollInterval TOLLGATE_SERVE_POLL_INTERVAL, default 500ms: how often every pointer is
 *     looked at (and a changed one loaded)
 * @param model one artifact to serve instead of a home's pointers (TOLLGATE_MODEL_*: an ECS task)
 */
@Validated
@ConfigurationProperties("tollgate.serve")
public record ServeProperties(
    @NotNull @DefaultValue("production") ServingScope.Environment env,
    List<String> models,
    @NotNull @DefaultValue("500ms") Duration pollInterval,
    PinnedModel model) {

  public ServeProperties {
    models =
        models == null
            ? List.of()
            : models.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
    for (String m : models) {
      if (!PipelineSpec.MODEL_NAME.matcher(m).matches()) {
        throw new IllegalArgumentException(
            "tollgate.serve.models: "
                + m
                + " is not a model name ("
                + PipelineSpec.MODEL_NAME.pattern()
                + ")");
      }
    }
    if (pollInterval != null && (pollInterval.isNegative() || pollInterval.isZero())) {
      throw new IllegalArgumentException("tollgate.serve.poll-interval must be positive");
    }
  }

  /** The pinned model, or {@code null} when none of TOLLGATE_MODEL_* is set. */
  public PinnedModel pinned() {
    if (model == null || !model.set()) return null;
    model.check();
    return model;
  }

  public ServingScope scope() {
    PinnedModel p = pinned();
    return p != null
        ? ServingScope.of(ServingScope.Environment.PRODUCTION, List.of(p.name()))
        : ServingScope.of(env, models);
  }
}
