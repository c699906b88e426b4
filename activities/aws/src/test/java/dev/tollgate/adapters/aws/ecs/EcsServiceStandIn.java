package dev.tollgate.adapters.aws.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.outbound.CountingServer;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A stand-in for an ECS service's serving API on 127.0.0.1 (moto runs no containers). {@link
 * #honest} answers as the container docs/deploy.md describes would: it reads the {@code
 * TOLLGATE_MODEL_*} variables of the task definition the service runs now, says it serves that
 * version under that name and answers predictions as it. {@link #ignoringTheModel} answers as a
 * container that never read them: health fine, always its own version 7.
 */
final class EcsServiceStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountingServer server;

  private EcsServiceStandIn(Supplier<Map<String, String>> environment) throws IOException {
    server =
        new CountingServer(
            (r, out) -> {
              Map<String, String> env = environment.get();
              String name = env.get("TOLLGATE_MODEL_NAME");
              int version = Integer.parseInt(env.get("TOLLGATE_MODEL_VERSION"));
              String models = "/v1/models/" + name;
              int status = 200;
              Object body;
              if (r.path().equals("/v1/health")) {
                body = Map.of("status", "UP");
              } else if (r.path().equals(models)) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("model", name);
                info.put("version", version);
                info.put("canary", null); // as documented: no canary on an ECS service
                body = info;
              } else if (r.path().startsWith(models + "/predict")) {
                int rows = JSON.readTree(r.body()).path("rows").size();
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("model", name);
                answer.put("version", version);
                answer.put("canary", false);
                answer.put("predictions", Collections.nCopies(rows, 1.0));
                answer.put("scores", null);
                body = answer;
              } else {
                status = 404;
                body = Map.of("error", "not served here");
              }
              CountingServer.write(out, status, List.of(), JSON.writeValueAsString(body));
            });
  }

  /** Serves what the service's current task definition tells its container to serve. */
  static EcsServiceStandIn honest(EcsClient ecs, String cluster, String service)
      throws IOException {
    return new EcsServiceStandIn(() -> environment(ecs, cluster, service));
  }

  /** Serves its own model, version 7, whatever the task definition says. */
  static EcsServiceStandIn ignoringTheModel() throws IOException {
    return new EcsServiceStandIn(
        () -> Map.of("TOLLGATE_MODEL_NAME", "demo-model", "TOLLGATE_MODEL_VERSION", "7"));
  }

  /** The container environment of the task definition {@code service} runs now. */
  static Map<String, String> environment(EcsClient ecs, String cluster, String service) {
    String arn =
        ecs.describeServices(r -> r.cluster(cluster).services(service))
            .services()
            .getFirst()
            .taskDefinition();
    Map<String, String> env = new TreeMap<>();
    ecs.describeTaskDefinition(r -> r.taskDefinition(arn))
        .taskDefinition()
        .containerDefinitions()
        .getFirst()
        .environment()
        .forEach(kv -> env.put(kv.name(), kv.value()));
    return env;
  }

  String url() {
    return server.url("");
  }

  /** "GET /v1/health", ... in the order they came. */
  List<String> paths() {
    return server.requests().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
