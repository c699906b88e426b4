package dev.tollgate.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.examples.energy.EnergyDataGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Specs whose training is a command ({@code training.command}), on the seeded energy data: the
 * test's own trainer.py (src/test/resources/it-training) or a one-line {@code sh -c} for the bad
 * inputs. Each spec gets its own folder (the command's working folder), with the data beside it.
 */
final class CommandSpecs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 3000;

  private CommandSpecs() {}

  /**
   * {@code <dir>/<model>/<model>.yaml} running {@code command} with {@code params} and {@code env}
   * (JSON flow style, which YAML reads as it is).
   */
  static Path write(
      Path dir, String model, List<String> command, Map<String, ?> params, Map<String, ?> env) {
    return spec(
        dir,
        model,
        """
          command: %s
          params: %s
          env: %s
          timeout: 10m
        """
            .formatted(json(command), json(params), json(env)));
  }

  /**
   * {@code training.runner: container} running {@code image} with {@code command} (may be empty).
   */
  static Path inContainer(Path dir, String model, String image, List<String> command) {
    return spec(
        dir,
        model,
        """
          runner: container
          image: %s
          command: %s
          timeout: 10m
        """
            .formatted(json(image), command.isEmpty() ? "null" : json(command))
            .replace("  command: null\n", ""));
  }

  /**
   * {@code training.runner: ray} running {@code command} with the Ray keys in {@code rayKeys} (YAML
   * lines indented by two, e.g. {@code " entrypoint_num_cpus: 1\n"}); the spec's folder (with its
   * data) is the job's working folder.
   */
  static Path onRay(Path dir, String model, List<String> command, String rayKeys) {
    return spec(
        dir,
        model,
        """
          runner: ray
          command: %s
          timeout: 10m
        """
                .formatted(json(command))
            + rayKeys);
  }

  /** A spec importing the model at {@code uri} ({@code training.import}). */
  static Path importing(Path dir, String model, String uri) {
    return spec(dir, model, "  import: { uri: %s }\n".formatted(json(uri)));
  }

  private static Path spec(Path dir, String model, String training) {
    try {
      Path folder = Files.createDirectories(dir.resolve(model));
      String data = "energy-" + ROWS + ".csv";
      EnergyDataGenerator.write(folder.resolve(data), EnergyDataGenerator.DEFAULT_SEED, ROWS);
      String yaml =
          """
          # Written by the integration tests (CommandSpecs).
          model: %s
          task: regression
          data:
            train: file:%s
            target: load
            features: [hour, day_of_week, temperature, humidity]
            min_rows: 500
          training:
          %s\
          validation:
            thresholds:
              r2: { min: 0.3 }
          approval:
            approvers: [alice, bob]
            min_approvals: 1
            timeout: 10m
            on_timeout: reject
          deploy:
            target: local
          """
              .formatted(model, data, training);
      return Files.writeString(folder.resolve(model + ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A spec running the test's trainer.py (copied beside it) with the venv's python. */
  static Path trainer(Path dir, String model, String mode, Path marks) {
    Path spec =
        write(
            dir,
            model,
            List.of("python", "trainer.py"),
            Map.of("mode", mode),
            Map.of("IT_MARKS", marks.toString()));
    PythonMl.copyScript("trainer.py", spec.getParent());
    return spec;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
