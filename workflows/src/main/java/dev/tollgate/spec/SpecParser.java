package dev.tollgate.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a pipeline spec (YAML) into a validated {@link PipelineSpec}. Every error is a {@link
 * SpecException} naming the file, the key and what was expected; nothing is started on a spec that
 * does not parse. The reference of every key is docs/pipeline-spec.md.
 */
public final class SpecParser {
  private SpecParser() {}

  public static PipelineSpec parse(Path file) {
    byte[] bytes = YamlFiles.read(file);
    String text;
    try {
      // strict, as Files.readString is: bytes that are not UTF-8 are an error, not U+FFFD
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new SpecException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), dir);
  }

  /**
   * @param baseDir folder that relative {@code file:} dataset paths are resolved against
   */
  public static PipelineSpec parse(String yaml, String source, Path baseDir) {
    JsonNode root = YamlFiles.mapping(yaml, source, "model, task, data");
    YamlSection top = new YamlSection(source, "", root);
    top.rejectUnknownKeys(
        Set.of(
            "model",
            "task",
            "data",
            "training",
            "validation",
            "approval",
            "deploy",
            "notify",
            "schedule",
            "tracking",
            "pull_request"));

    String model = top.string("model", true);
    if (!PipelineSpec.MODEL_NAME.matcher(model).matches()) {
      throw top.error(
          "model",
          "expected lower-case letters, digits, '.', '_' or '-' (max 63), got '" + model + "'");
    }
    Task task = SpecValues.enumValue(top, "task", Task.class, Task.REGRESSION);
    TrainingSpec training = TrainingKeys.read(top.section("training", true), task, baseDir);
    DataSpec data = DataKeys.read(top.section("data", true), baseDir, task);
    DeploySpec deploy = DeployKeys.read(top.section("deploy", false), baseDir);
    if (deploy.watch() != null && task == Task.ANOMALY) {
      throw new SpecException(
          source,
          "deploy.rollback.watch",
          "watches a labelled metric (rmse, accuracy): task regression or classification only");
    }
    ApprovalSpec approval = ApprovalKeys.read(top.section("approval", true));
    NotifySpec notify = NotifyKeys.read(top.section("notify", false));
    notify
        .slackApprovers()
        .forEach(
            (user, name) -> {
              if (!approval.everyone().contains(name)) {
                throw new SpecException(
                    source,
                    "notify.slack.approvers." + user,
                    "'"
                        + name
                        + "' is not an approver (approval.approvers: "
                        + approval.everyone()
                        + ")");
              }
            });
    return new PipelineSpec(
        source,
        model,
        task,
        data,
        training,
        ValidationKeys.read(
            top.section("validation", false),
            task,
            data,
            training.byCommand() && !training.command().imported()),
        approval,
        deploy,
        notify,
        ScheduleKeys.read(top.section("schedule", false), baseDir),
        TrackingKeys.read(top.section("tracking", false), model, task),
        PullRequestKeys.read(top.section("pull_request", false), data));
  }
}
