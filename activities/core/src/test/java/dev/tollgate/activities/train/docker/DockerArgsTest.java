package dev.tollgate.activities.train.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.train.command.ContainerEngine.EngineException;
import dev.tollgate.activities.train.command.ContainerLaunch;
import dev.tollgate.activities.train.command.ContainerPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The docker command line of a training container, and how docker's errors are read. */
class DockerArgsTest {
  private static ContainerLaunch launch(ContainerPolicy.Limits limits) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("dev.tollgate.worker", "/home/w/training-runs");
    labels.put("dev.tollgate.run", "run-1");
    return new ContainerLaunch(
        "tollgate-train-churn-run-1-1",
        "sha256:abc",
        List.of("tini", "--", "python3", "train.py", "--max_depth", "6"),
        Path.of("/runs/r/container.env"),
        List.of(
            new ContainerLaunch.Mount(
                Path.of("/runs/r/input/data/train"), "/opt/ml/input/data/train", true),
            new ContainerLaunch.Mount(Path.of("/runs/a,b/model"), "/opt/ml/model", false)),
        "1000:1000",
        labels,
        limits);
  }

  @Test
  void theCommandLineHasNameLabelsUserEnvFileMountsAndTheMergedCommand() {
    List<String> a =
        DockerArgs.create(launch(new ContainerPolicy.Limits(null, null, null, "none")));
    assertThat(String.join(" ", a))
        .isEqualTo(
            "create --name tollgate-train-churn-run-1-1"
                + " --label dev.tollgate.worker=/home/w/training-runs --label dev.tollgate.run=run-1"
                + " --user 1000:1000 --env-file /runs/r/container.env"
                + " --mount type=bind,\"source=/runs/r/input/data/train\",target=/opt/ml/input/data/train,readonly"
                + " --mount type=bind,\"source=/runs/a,b/model\",target=/opt/ml/model"
                + " --network none --cap-drop ALL --security-opt no-new-privileges"
                + " --log-driver none --entrypoint tini sha256:abc -- python3 train.py --max_depth 6");
  }

  @Test
  void limitsBecomeDockersFlagsAndMemoryHasNoSwapBeyondIt() {
    List<String> a =
        DockerArgs.create(launch(new ContainerPolicy.Limits(1.5, 4L << 30, "all", "host")));
    String line = String.join(" ", a);
    assertThat(line)
        .contains("--network host --cpus 1.5 --memory 4294967296b --memory-swap 4294967296b")
        .contains("--gpus all");
    assertThat(
            String.join(
                " ", DockerArgs.create(launch(new ContainerPolicy.Limits(2.0, null, "1", "none")))))
        .contains("--cpus 2 ")
        .contains("--gpus 1 ")
        .doesNotContain("--memory");
  }

  @Test
  void noContractValueIsOnTheCommandLine() {
    assertThat(DockerArgs.create(launch(new ContainerPolicy.Limits(null, null, null, "none"))))
        .noneMatch(arg -> arg.startsWith("-e") || arg.contains("TOLLGATE_"));
  }

  @Test
  void dockersErrorsAreToldApart() {
    assertThat(
            DockerErrors.classify(
                    "Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?")
                .kind())
        .isEqualTo(EngineException.Kind.UNREACHABLE);
    assertThat(
            DockerErrors.classify(
                    "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock")
                .kind())
        .isEqualTo(EngineException.Kind.UNREACHABLE);
    assertThat(
            DockerErrors.classify("Error response from daemon: No such image: nosuch/img:1").kind())
        .isEqualTo(EngineException.Kind.NO_SUCH_IMAGE);
    EngineException refused =
        DockerErrors.classify("line one\nError response from daemon: Conflict. The name is in use");
    assertThat(refused.kind()).isEqualTo(EngineException.Kind.REFUSED);
    assertThat(refused.getMessage())
        .isEqualTo("Error response from daemon: Conflict. The name is in use");
  }
}
