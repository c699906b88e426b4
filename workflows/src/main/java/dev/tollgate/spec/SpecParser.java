package dev.tollgate.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a pipeline spec (YAML) into a validated {@link PipelineSpec}. Every error is a {@link
 * SpecException} naming the file, the key and what was expected; nothing is started on a spec that
 * does not parse. The reference of every key is docs/pipeline-spec.md.
 */
public final class SpecParser {
  private static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().loaderOptions(YamlPrecheck.limits()).build());

  private SpecParser() {}

  public static PipelineSpec parse(Path file) {
    if (Files.isDirectory(file)) {
      throw new SpecException(file.toString(), "(file)", "is a directory; expected a YAML file");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // a FIFO or a device (/dev/zero) would be read for ever
      throw new SpecException(
          file.toString(),
          "(file)",
          "is not a regular file (a FIFO or device); expected a YAML file");
    }
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      // at most one byte past the limit, however large the file is or grows
      byte[] bytes = in.readNBytes(YamlPrecheck.MAX_CHARS + 1);
      if (bytes.length > YamlPrecheck.MAX_CHARS) {
        throw new SpecException(
            file.toString(),
            "(file)",
            String.format(
                java.util.Locale.ROOT,
                "is over %,d bytes; a spec may have at most %,d",
                YamlPrecheck.MAX_CHARS,
                YamlPrecheck.MAX_CHARS));
      }
      // strict, as Files.readString is: bytes that are not UTF-8 are an error, not U+FFFD
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new SpecException(file.toString(), "(file)", "no such file");
    } catch (IOException e) {
      throw new SpecException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), dir);
  }

  /**
   * @param baseDir folder that relative {@code file:} dataset paths are resolved against
   */
  public static PipelineSpec parse(String yaml, String source, Path baseDir) {
    YamlPrecheck.check(yaml, source);
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new SpecException(
          source, "(yaml)", "not valid YAML" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new SpecException(
          source, "(top level)", "expected a mapping with model, task, data, ...");
    }
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
            "tracking"));

    String model = top.string("model", true);
    if (!PipelineSpec.MODEL_NAME.matcher(model).matches()) {
      throw top.error(
          "model",
          "expected lower-case letters, digits, '.', '_' or '-' (max 63), got '" + model + "'");
    }
    Task task = SectionReaders.enumValue(top, "task", Task.class, Task.REGRESSION);
    TrainingSpec training = SectionReaders.training(top.section("training", true), task);
    DataSpec data = SectionReaders.data(top.section("data", true), baseDir, task);
    DeploySpec deploy = SectionReaders.deploy(top.section("deploy", false), baseDir);
    if (deploy.watch() != null && task == Task.ANOMALY) {
      throw new SpecException(
          source,
          "deploy.rollback.watch",
          "watches a labelled metric (rmse, accuracy): task regression or classification only");
    }
    ApprovalSpec approval = SectionReaders.approval(top.section("approval", true));
    NotifySpec notify = SectionReaders.notify(top.section("notify", false));
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
        SectionReaders.validation(top.section("validation", false), task, data),
        approval,
        deploy,
        notify,
        ScheduleKeys.read(top.section("schedule", false), baseDir),
        TrackingKeys.read(top.section("tracking", false), model, task));
  }
}
