package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate demo --spec examples/ray-xgboost/fares.yaml}: the demo's worker gets Ray on (and
 * the spec's cluster), and a cluster that does not answer is said before anything starts.
 */
class DemoRayClusterTest {
  @TempDir Path dir;

  @Test
  void aRaySpecTurnsRayOnNotCommands() throws IOException {
    PipelineSpec fares = SpecParser.parse(Path.of("../examples/ray-xgboost/fares.yaml"));
    PipelineSpec pinned = SpecParser.parse(withAddress("http://ray-head:8265"));

    assertThat(DemoCommand.trainingCommands(fares))
        .containsExactly("--tollgate.training.ray.enabled=true");
    assertThat(DemoCommand.trainingCommands(pinned))
        .containsExactly(
            "--tollgate.training.ray.enabled=true",
            "--tollgate.training.ray.address=http://ray-head:8265");
  }

  @Test
  void theSpecsAddressWinsThenTheEnvironmentThenTheDefault() throws IOException {
    var own = SpecParser.parse(withAddress("http://ray-head:8265")).training().command().ray();
    var none =
        SpecParser.parse(Path.of("../examples/ray-xgboost/fares.yaml")).training().command().ray();

    assertThat(DemoRayCluster.address(own, "http://other:8265")).isEqualTo("http://ray-head:8265");
    assertThat(DemoRayCluster.address(none, "http://other:8265")).isEqualTo("http://other:8265");
    assertThat(DemoRayCluster.address(none, null)).isEqualTo("http://127.0.0.1:8265");
  }

  @Test
  void aClusterThatDoesNotAnswerIsNamedWithHowToStartOne() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Path spec = withAddress("http://127.0.0.1:" + closed);

    assertThat(DemoPrerequisites.missing(spec, SpecParser.parse(spec), System.getenv("PATH")))
        .singleElement()
        .asString()
        .contains("no Ray cluster answers at http://127.0.0.1:" + closed)
        .contains("scripts/start-ray.sh", "TOLLGATE_RAY_ADDRESS");
  }

  @Test
  void aClusterWhoseJobsApiAnswersIsEnough() throws IOException {
    HttpServer ray = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ray.createContext(
        "/api/version",
        exchange -> {
          byte[] body = "{\"version\":\"4\",\"ray_version\":\"2.60.0\"}".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    ray.start();
    try {
      Path spec = withAddress("http://127.0.0.1:" + ray.getAddress().getPort());

      assertThat(DemoPrerequisites.missing(spec, SpecParser.parse(spec), System.getenv("PATH")))
          .isEmpty();
    } finally {
      ray.stop(0);
    }
  }

  /** The example's spec in the temp folder with {@code address}, its data and trainer beside it. */
  private Path withAddress(String address) throws IOException {
    Path from = Path.of("../examples/ray-xgboost");
    Files.createDirectories(dir.resolve("trainer"));
    Files.writeString(dir.resolve("fares.csv"), "");
    Files.writeString(dir.resolve("trainer/train.py"), "");
    String yaml =
        Files.readString(from.resolve("fares.yaml"))
            .replace("  # address: http://ray-head:8265", "  address: " + address);
    return Files.writeString(dir.resolve("fares.yaml"), yaml);
  }
}
