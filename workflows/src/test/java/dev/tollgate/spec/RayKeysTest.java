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

/** {@code training.runner: ray} and its keys: every key, defaults, any case, each bad value. */
class RayKeysTest {
  private static final Path SPECS = Path.of("/specs/fares");

  static TrainingCommandSpec read(String training) {
    YamlSection s =
        new YamlSection("r.yaml", "training", YamlFiles.mapping(training, "r.yaml", "training"));
    return TrainingCommandKeys.read(s, SPECS);
  }

  @Test
  void readsEveryKey() {
    TrainingCommandSpec c =
        read(
            """
            runner: Ray
            address: HTTPS://ray-head.internal:8265/
            entrypoint_num_cpus: 0.5
            entrypoint_num_gpus: 1
            command: [python, train.py]
            workdir: ./trainer
            runtime_env:
              pip: ['xgboost==3.1.2', 'ray[train]>=2.60, <3', 'pandas ; python_version >= "3.10"']
              env_vars: {OMP_NUM_THREADS: 1, MODE: fast}
            env: {WANDB_MODE: offline}
            params: {num_boost_round: 300}
            timeout: 30m
            task_queue: ray""");
    assertThat(c.onRay()).isTrue();
    assertThat(c.inContainer()).isFalse();
    assertThat(c.ray())
        .isEqualTo(
            new RaySpec(
                "https://ray-head.internal:8265",
                0.5,
                1.0,
                List.of(
                    "xgboost==3.1.2",
                    "ray[train]>=2.60, <3",
                    "pandas ; python_version >= \"3.10\""),
                null,
                Map.of("OMP_NUM_THREADS", "1", "MODE", "fast")));
    assertThat(c.command()).containsExactly("python", "train.py");
    assertThat(c.workdir()).isEqualTo("/specs/fares/trainer");
    assertThat(c.requirements()).isNull();
    assertThat(c.env()).isEqualTo(Map.of("WANDB_MODE", "offline"));
    assertThat(c.params()).containsKey("num_boost_round");
    assertThat(c.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.taskQueue()).isEqualTo("ray");
  }

  @Test
  void everyRayKeyIsOptionalButTheCommand() {
    TrainingCommandSpec c = read("runner: RAY\ncommand: [python, train.py]");
    assertThat(c.ray()).isEqualTo(new RaySpec(null, null, null, List.of(), null, Map.of()));
    assertThat(c.workdir()).isEqualTo("/specs/fares");
    assertThat(c.timeout()).isEqualTo(TrainingCommandSpec.DEFAULT_TIMEOUT);
  }

  @Test
  void requirementsResolveAgainstTheWorkdir() {
    TrainingCommandSpec c =
        read(
            "runner: ray\ncommand: [python, t.py]\nworkdir: trainer\n"
                + "runtime_env: {requirements: requirements.txt}");
    assertThat(c.ray().requirements()).isEqualTo("/specs/fares/trainer/requirements.txt");
    assertThat(c.ray().pip()).isEmpty();
  }

  @Test
  void otherRunnersHaveNoRaySpec() {
    assertThat(read("command: [x]").ray()).isNull();
    assertThat(read("runner: container\nimage: t").ray()).isNull();
  }

  @Test
  void theRayExampleRoundTripsThroughTheSpecJsonAndSpecsWithoutRayKeepTheirJson() throws Exception {
    PipelineSpec ray = SpecParser.parse(Path.of("../examples/ray-xgboost/fares.yaml"));
    String json = dev.tollgate.pipeline.SpecJson.json(ray);
    assertThat(json).contains("\"ray\":{");
    assertThat(dev.tollgate.pipeline.SpecJson.read(json)).isEqualTo(ray);
    PipelineSpec energy = SpecParser.parse(Path.of("../examples/energy/energy-load.yaml"));
    PipelineSpec command = SpecParser.parse(Path.of("../examples/churn-sklearn/churn.yaml"));
    // RaySpec is left out when absent: payloads and digests of other specs are what they were
    assertThat(dev.tollgate.pipeline.SpecJson.json(energy)).doesNotContain("\"ray\"");
    assertThat(dev.tollgate.pipeline.SpecJson.json(command))
        .doesNotContain("\"ray\"")
        .doesNotContain("\"container\"");
  }

  @Test
  void aLongValueIsNotEchoedWhole() {
    String long_ = "x".repeat(5000);
    assertThatThrownBy(() -> read("runner: " + long_))
        .hasMessageContaining("training.runner")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    assertThatThrownBy(
            () -> read("runner: ray\ncommand: [x]\nruntime_env: {pip: ['" + long_ + "']}"))
        .hasMessageContaining("training.runtime_env.pip[0]")
        .hasMessageContaining("5000 characters")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("xxxxxxxxxx"));
    assertThatThrownBy(() -> read("runner: ray\ncommand: [x]\nworkdir: ../" + long_))
        .hasMessageContaining("training.workdir")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
  }

  @Test
  void credentialsInTheAddressAreNeverShown() {
    assertThatThrownBy(
            () -> read("runner: ray\ncommand: [x]\naddress: 'http://admin:s3cret@ray:8265'"))
        .hasMessageContaining("training.address")
        .hasMessageContaining("must not carry credentials")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
  }

  @Test
  void aRequirementIsOneLine() {
    // YAML's "\n" escape: a second line would be read by pip as an option of its own
    assertThatThrownBy(
            () -> read("runner: ray\ncommand: [x]\nruntime_env: {pip: [\"a\\n--index-url x\"]}"))
        .hasMessageContaining("training.runtime_env.pip[0]:")
        .hasMessageContaining("one requirement on one line");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "runner: rays\\ncommand: [x]|training.runner|expected command, container or ray, got 'rays'",
        "runner: ray|training.command|missing; runner: ray runs the training command",
        "runner: ray\\ncommand: []|training.command|expected at least the program",
        "runner: ray\\ncommand: [x]\\npython: {requirements: r.txt}|training.python|use"
            + " runtime_env.requirements: Ray installs packages on the cluster",
        "runner: ray\\ncommand: [x]\\nworkdir: ../other|training.workdir|inside the spec's folder",
        "runner: ray\\ncommand: [x]\\nimage: t|training.image|only with runner: container",
        "runner: ray\\ncommand: [x]\\ncpus: 2|training.cpus|only with runner: container",
        "runner: ray\\ncommand: [x]\\nnetwork: host|training.network|only with runner: container",
        "runner: ray\\ncommand: [x]\\naddress: 'ray-head:8265'|training.address|http or https",
        "runner: ray\\ncommand: [x]\\naddress: 'ftp://h:21'|training.address|http or https",
        "runner: ray\\ncommand: [x]\\naddress: 'http://h'|training.address|a host and a port",
        "runner: ray\\ncommand: [x]\\naddress: 'http://h:8265/?x=1'|training.address|no ?query",
        "runner: ray\\ncommand: [x]\\naddress: 'http://h:8265/#f'|training.address|#fragment",
        "runner: ray\\ncommand: [x]\\naddress: 'http://h 1:8265'|training.address|such as http://",
        "runner: ray\\ncommand: [x]\\naddress: [a]|training.address|expected non-empty text",
        "runner: ray\\ncommand: [x]\\nentrypoint_num_cpus: -1|training.entrypoint_num_cpus|from"
            + " 0 to 1024",
        "runner: ray\\ncommand: [x]\\nentrypoint_num_cpus: 5000|training.entrypoint_num_cpus|from"
            + " 0 to 1024 such as 1 or 0.5, got 5000",
        "runner: ray\\ncommand: [x]\\nentrypoint_num_cpus: one|training.entrypoint_num_cpus|"
            + "expected a number",
        "runner: ray\\ncommand: [x]\\nentrypoint_num_gpus: 300|training.entrypoint_num_gpus|from"
            + " 0 to 256",
        "runner: ray\\ncommand: [x]\\nruntime_env: [a]|training.runtime_env|expected a mapping",
        "runner: ray\\ncommand: [x]\\nruntime_env: {conda: env.yaml}|training.runtime_env.conda|"
            + "unknown key",
        "runner: ray\\ncommand: [x]\\nruntime_env: {working_dir: .}|training.runtime_env"
            + ".working_dir|training.workdir is shipped",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: [a], requirements: r.txt}|"
            + "training.runtime_env.requirements|pip or requirements, not both",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: []}|training.runtime_env.pip|at least"
            + " one requirement",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: xgboost}|training.runtime_env.pip|"
            + "expected a list",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: [a, '-e .']}|training.runtime_env.pip[1]|"
            + "pip options (-e, -r, --index-url",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: [a, b, '--index-url=http://evil/simple']}|"
            + "training.runtime_env.pip[2]|must not point pip at another index",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: ['-r other.txt']}|"
            + "training.runtime_env.pip[0]|pip options",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: ['evil @ https://x.example/e.whl']}|"
            + "training.runtime_env.pip[0]|direct references",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: ['git+https://x.example/r.git']}|"
            + "training.runtime_env.pip[0]|URLs",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: ['./wheels/x.whl']}|"
            + "training.runtime_env.pip[0]|paths are refused",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: ['/tmp/x.whl']}|"
            + "training.runtime_env.pip[0]|paths are refused",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: ['numpy # pinned']}|"
            + "training.runtime_env.pip[0]|expected a requirement such as",
        "runner: ray\\ncommand: [x]\\nruntime_env: {pip: [numpy, numpy]}|"
            + "training.runtime_env.pip[1]|listed twice",
        "runner: ray\\ncommand: [x]\\nruntime_env: {requirements: ../../etc/r.txt}|"
            + "training.runtime_env.requirements|inside the spec's folder",
        "runner: ray\\ncommand: [x]\\nruntime_env: {env_vars: {AWS_SECRET_ACCESS_KEY: x}}|"
            + "training.runtime_env.env_vars.AWS_SECRET_ACCESS_KEY|set by the worker",
        "runner: ray\\ncommand: [x]\\nruntime_env: {env_vars: {K: {a: 1}}}|"
            + "training.runtime_env.env_vars.K|expected a plain value",
        "runner: ray\\ncommand: [x]\\nruntime_env: {env_vars: {'1X': a}}|"
            + "training.runtime_env.env_vars.1X|expected a variable name",
        "runner: ray\\ncommand: [x]\\nenv: {K: a}\\nruntime_env: {env_vars: {K: b}}|"
            + "training.runtime_env.env_vars.K|also set in training.env",
        "command: [x]\\naddress: 'http://h:8265'|training.address|only for runner: ray; a command"
            + " runs on the worker itself",
        "command: [x]\\nruntime_env: {pip: [a]}|training.runtime_env|only for runner: ray",
        "runner: container\\nimage: t\\nentrypoint_num_gpus: 1|training.entrypoint_num_gpus|only"
            + " for runner: ray; a container",
        "import: {uri: 's3://b/m.onnx'}\\nrunner: ray|training.runner|an import runs nothing",
        "import: {uri: 's3://b/m.onnx'}\\naddress: 'http://h:8265'|training.address|an import runs",
      })
  void refusesNamingTheKey(String yaml, String key, String message) {
    assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(key + ":")
        .hasMessageContaining(message);
  }
}
