package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code training.command} and {@code training.import}: every key, defaults, each bad value. */
class TrainingCommandKeysTest {
  private static final Path SPECS = Path.of("/specs/energy");

  private static TrainingCommandSpec read(String training) {
    YamlSection s =
        new YamlSection("e.yaml", "training", YamlFiles.mapping(training, "e.yaml", "command"));
    return TrainingCommandKeys.read(s, SPECS);
  }

  @Test
  void readsEveryKey() {
    TrainingCommandSpec c =
        read(
            """
            command: [python, train.py, --epochs, "20"]
            workdir: ./trainer
            python: {requirements: requirements.txt}
            params: {max_depth: 6, loss: log_loss, warm_start: true}
            env: {WANDB_MODE: offline, THREADS: 4}
            timeout: 30m
            task_queue: gpu
            progress_regex: 'epoch (?<percent>\\d+)%'""");
    assertThat(c.command()).containsExactly("python", "train.py", "--epochs", "20");
    assertThat(c.workdir()).isEqualTo("/specs/energy/trainer");
    assertThat(c.requirements()).isEqualTo("/specs/energy/trainer/requirements.txt");
    assertThat(c.params())
        .containsExactly(
            Map.entry("max_depth", ParamValue.number(6)),
            Map.entry("loss", ParamValue.text("log_loss")),
            Map.entry("warm_start", ParamValue.flag(true)));
    assertThat(c.env()).isEqualTo(Map.of("WANDB_MODE", "offline", "THREADS", "4"));
    assertThat(c.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.taskQueue()).isEqualTo("gpu");
    assertThat(c.progressRegex()).isEqualTo("epoch (?<percent>\\d+)%");
    assertThat(c.imported()).isFalse();
    assertThat(c.specDir()).isEqualTo("/specs/energy");
  }

  @Test
  void fillsTheDefaults() {
    TrainingCommandSpec c = read("command: [./train.sh]");
    assertThat(c.workdir()).isEqualTo("/specs/energy");
    assertThat(c.requirements()).isNull();
    assertThat(c.params()).isEmpty();
    assertThat(c.env()).isEmpty();
    assertThat(c.timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(c.taskQueue()).isNull();
    assertThat(c.progressRegex()).isNull();
  }

  @Test
  void readsAnImport() {
    assertThat(read("import: {uri: s3://models/churn/model.onnx}").importUri())
        .isEqualTo("s3://models/churn/model.onnx");
    assertThat(read("import: {uri: 'file:out/model.onnx'}").importUri())
        .isEqualTo("file:///specs/energy/out/model.onnx");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "workdir: ../other|training.workdir|must be inside the spec's folder /specs/energy",
        "workdir: /home/other|training.workdir|must be inside the spec's folder",
        "python: {requirements: ../../req.txt}|training.python.requirements|must be inside the spec's folder",
        "python: {pip: x}|training.python.pip|unknown key",
        "env: {AWS_SECRET_ACCESS_KEY: x}|training.env.AWS_SECRET_ACCESS_KEY|never by a spec",
        "env: {TOLLGATE_MODEL_DIR: /x}|training.env.TOLLGATE_MODEL_DIR|never by a spec",
        "env: {TOKEN: {from: vault}}|training.env.TOKEN|secrets come from the worker's environment",
        "env: {'BAD-NAME': x}|training.env.BAD-NAME|expected a variable name",
        "params: {depth: [1, 2]}|training.params.depth|expected a number, a text or true/false, got a list",
        "params: {'--x': 1}|training.params.--x|it becomes --",
        "timeout: soon|training.timeout|expected a positive duration",
        "task_queue: 'gpu pool'|training.task_queue|expected a queue name",
        "progress_regex: 'epoch (\\d+)'|training.progress_regex|expected a named group",
        "progress_regex: 'epoch ((?<fraction>'|training.progress_regex|not a regular expression",
        "algorithm: xgboost|training.algorithm|unknown key",
        "sead: 7|training.sead|unknown key",
      })
  void refusesEachBadValueOnItsKey(String extra, String key, String problem) {
    assertThatThrownBy(() -> read("command: [python, train.py]\n" + extra))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(problem);
  }

  @Test
  void wantsExactlyOneOfCommandAndImport() {
    assertThatThrownBy(() -> read("workdir: ."))
        .hasMessageContaining("training.command")
        .hasMessageContaining("missing; expected the training command as a list");
    assertThatThrownBy(() -> read("command: [x]\nimport: {uri: 's3://b/m.onnx'}"))
        .hasMessageContaining("training.import")
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> read("command: []"))
        .hasMessageContaining("expected at least the program");
    assertThatThrownBy(() -> read("import: {uri: 's3://b/m.onnx'}\ntimeout: 1h"))
        .hasMessageContaining("training.timeout")
        .hasMessageContaining("an import runs nothing");
    assertThatThrownBy(() -> read("import: {uri: 'http://x/m.onnx'}"))
        .hasMessageContaining("training.import.uri");
  }

  @Test
  void theSpecRecordNeedsExactlyOneOfThem() {
    assertThatThrownBy(
            () ->
                new TrainingCommandSpec(
                    List.of(), null, null, Map.of(), Map.of(), null, null, null, null, "/s"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
