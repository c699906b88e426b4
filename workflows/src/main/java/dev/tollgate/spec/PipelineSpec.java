package dev.tollgate.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One model's pipeline, parsed from its YAML file and validated. Passed whole into the workflow, so
 * it stays small: references and settings, never data.
 *
 * @param source where the spec came from (a file name), for messages
 * @param schedule optional; {@code null} when the spec has no schedule section
 * @param tracking optional; {@code null} when the spec has no tracking section (then left out of
 *     the spec's JSON, so the digest of a spec without one is what it was before tracking existed)
 * @param pullRequest optional; {@code null} when the spec has no pull_request section (left out of
 *     the JSON as tracking is): {@link #pullRequestOrDefault()} is what check runs use
 */
public record PipelineSpec(
    String source,
    String model,
    Task task,
    DataSpec data,
    TrainingSpec training,
    ValidationSpec validation,
    ApprovalSpec approval,
    DeploySpec deploy,
    NotifySpec notifications,
    ScheduleSpec schedule,
    @JsonInclude(JsonInclude.Include.NON_NULL) TrackingSpec tracking,
    @JsonInclude(JsonInclude.Include.NON_NULL) PullRequestSpec pullRequest) {

  /** Model names become workflow IDs, file names and search attributes: keep them plain. */
  public static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  public PipelineSpec {
    Objects.requireNonNull(model, "model");
    if (!MODEL_NAME.matcher(model).matches()) {
      throw new IllegalArgumentException(
          "model name must match " + MODEL_NAME.pattern() + ", got '" + model + "'");
    }
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(deploy, "deploy");
    Objects.requireNonNull(notifications, "notifications");
  }

  /** Without a pull_request section: the shape before check runs. */
  public PipelineSpec(
      String source,
      String model,
      Task task,
      DataSpec data,
      TrainingSpec training,
      ValidationSpec validation,
      ApprovalSpec approval,
      DeploySpec deploy,
      NotifySpec notifications,
      ScheduleSpec schedule,
      TrackingSpec tracking) {
    this(
        source,
        model,
        task,
        data,
        training,
        validation,
        approval,
        deploy,
        notifications,
        schedule,
        tracking,
        null);
  }

  /** How far a pull request's check run of this spec may go: the section, or its defaults. */
  public PullRequestSpec pullRequestOrDefault() {
    return pullRequest == null ? PullRequestSpec.DEFAULT : pullRequest;
  }

  /** Without tracking: the shape before the MLflow bridge. */
  public PipelineSpec(
      String source,
      String model,
      Task task,
      DataSpec data,
      TrainingSpec training,
      ValidationSpec validation,
      ApprovalSpec approval,
      DeploySpec deploy,
      NotifySpec notifications,
      ScheduleSpec schedule) {
    this(
        source,
        model,
        task,
        data,
        training,
        validation,
        approval,
        deploy,
        notifications,
        schedule,
        null);
  }
}
