package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code training.runner: container} and its keys: defaults, any case, each bad value. */
class ContainerKeysTest {
  private static final Path SPECS = Path.of("/specs/churn");

  private static TrainingCommandSpec read(String training) {
    YamlSection s =
        new YamlSection("c.yaml", "training", YamlFiles.mapping(training, "c.yaml", "training"));
    return TrainingCommandKeys.read(s, SPECS);
  }

  @Test
  void readsEveryKey() {
    TrainingCommandSpec c =
        read(
            """
            runner: Container
            image: team/churn-trainer:3
            command: [python3, /opt/ml/code/train.py]
            cpus: 1.5
            memory: 4G
            gpus: all
            network: HOST
            params: {max_depth: 6}
            timeout: 30m
            task_queue: gpu""");
    assertThat(c.inContainer()).isTrue();
    assertThat(c.container())
        .isEqualTo(new ContainerSpec("team/churn-trainer:3", 1.5, 4L << 30, "all", "host"));
    assertThat(c.command()).containsExactly("python3", "/opt/ml/code/train.py");
    assertThat(c.workdir()).isNull();
    assertThat(c.taskQueue()).isEqualTo("gpu");
  }

  @Test
  void commandIsOptionalAndTheNetworkIsNoneByDefault() {
    TrainingCommandSpec c =
        read("runner: container\nimage: 'registry:5000/t@sha256:" + "a".repeat(64) + "'");
    assertThat(c.command()).isEmpty();
    assertThat(c.container().network()).isEqualTo("none");
    assertThat(c.container().cpus()).isNull();
    assertThat(c.container().memoryBytes()).isNull();
    assertThat(c.container().gpus()).isNull();
    assertThat(c.imported()).isFalse();
  }

  @Test
  void theDefaultRunnerIsCommand() {
    assertThat(read("command: [x]").inContainer()).isFalse();
    assertThat(read("runner: COMMAND\ncommand: [x]").inContainer()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "runner: docker\\ncommand: [x]|training.runner|expected command, container or ray, got 'docker'",
        "runner: container|training.image|missing; runner: container needs the image",
        "runner: container\\nimage: '--privileged'|training.image|expected an image reference",
        "runner: container\\nimage: 'a b'|training.image|expected an image reference",
        "runner: container\\nimage: t\\ncpus: 0|training.cpus|expected a positive number",
        "runner: container\\nimage: t\\ncpus: two|training.cpus|expected a number",
        "runner: container\\nimage: t\\nmemory: lots|training.memory|expected a size such as 512m",
        "runner: container\\nimage: t\\nmemory: 1k|training.memory|at least 6m",
        "runner: container\\nimage: t\\ngpus: -1|training.gpus|expected all or a number",
        "runner: container\\nimage: t\\nnetwork: bridge|training.network|expected none or host",
        "runner: container\\nimage: t\\nworkdir: .|training.workdir|brings its code",
        "runner: container\\nimage: t\\npython: {requirements: r.txt}|training.python|its image",
        "runner: container\\nimage: t\\ncommand: []|training.command|the image's own",
        "command: [x]\\nimage: t|training.image|only with runner: container",
        "command: [x]\\nnetwork: host|training.network|only with runner: container",
        "image: t|training.image|only with runner: container",
        "import: {uri: 's3://b/m.onnx'}\\nrunner: container|training.runner|an import runs nothing",
      })
  void refusesNamingTheKey(String yaml, String key, String message) {
    assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
        .hasMessageContaining(key)
        .hasMessageContaining(message);
  }
}
