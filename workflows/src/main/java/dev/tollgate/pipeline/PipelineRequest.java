package dev.tollgate.pipeline;

import dev.tollgate.spec.PipelineSpec;
import java.util.Objects;

/**
 * The one argument of {@link PipelineWorkflow#run}: the parsed spec and how this run came about.
 */
public record PipelineRequest(PipelineSpec spec, RunOptions options) {
  public PipelineRequest {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(options, "options");
  }
}
