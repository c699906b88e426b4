package dev.tollgate.cli.worker;

import dev.tollgate.spec.RaySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@code training.runner: ray} spec in the demo: the demo's worker submits the training to a Ray
 * cluster, which the demo cannot start for you. Which cluster (the spec's {@code address}, else
 * {@code TOLLGATE_RAY_ADDRESS}, else the worker's default), whether its Jobs API answers before
 * anything starts, and the worker settings that turn Ray on for it.
 */
final class DemoRayCluster {
  static final String DEFAULT_ADDRESS = "http://127.0.0.1:8265";
  private static final Duration ASK = Duration.ofSeconds(3);

  private DemoRayCluster() {}

  /** The cluster the demo's worker will use. */
  static String address(RaySpec ray, String fromEnvironment) {
    if (ray.address() != null) return ray.address();
    if (fromEnvironment != null && !fromEnvironment.isBlank()) return fromEnvironment.strip();
    return DEFAULT_ADDRESS;
  }

  /**
   * The worker's switches: Ray on, and the spec's own address as the worker's (whoever runs the
   * demo runs its worker too, so the spec's cluster is theirs to use).
   */
  static List<String> workerSettings(RaySpec ray) {
    return ray.address() == null
        ? List.of("--tollgate.training.ray.enabled=true")
        : List.of(
            "--tollgate.training.ray.enabled=true",
            "--tollgate.training.ray.address=" + ray.address());
  }

  /** Why the demo cannot use the cluster at {@code address}, if it cannot. */
  static Optional<String> unreachable(String address) {
    String problem = ask(address);
    if (problem == null) return Optional.empty();
    return Optional.of(
        "no Ray cluster answers at "
            + address
            + " ("
            + problem
            + "); training.runner: ray submits the training as a Ray job there. Start one (ray"
            + " start --head, or scripts/start-ray.sh DIR in Tollgate's repository, which prints"
            + " its URL) and set TOLLGATE_RAY_ADDRESS=URL, or training.address in the spec");
  }

  /** {@code null} when {@code GET address/api/version} answers 200, else what happened. */
  private static String ask(String address) {
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(ASK).build()) {
      HttpResponse<Void> answer =
          client.send(
              HttpRequest.newBuilder(URI.create(address + "/api/version")).timeout(ASK).build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200 ? null : "its Jobs API answered " + answer.statusCode();
    } catch (IllegalArgumentException e) {
      return "not a URL";
    } catch (java.net.ConnectException e) {
      return "connection refused";
    } catch (java.net.http.HttpTimeoutException e) {
      return "no answer within " + ASK.toSeconds() + " s";
    } catch (java.io.IOException e) {
      return "no answer: " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
