package dev.tollgate.adapters.aws.ecs;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.deploy.Deployer;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import dev.tollgate.activities.outbound.OutboundRefused;
import dev.tollgate.activities.serving.HttpServingClient;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.Durations;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * {@code deploy.target: ecs}: copies the service's current task definition into a new revision
 * whose container carries the model ({@code TOLLGATE_MODEL_NAME}, {@code _URI}, {@code _VERSION},
 * {@code _DIGEST} in its environment: what the container must read, docs/deploy.md), points the
 * service at it and waits until the service is stable (one deployment, on the new revision, running
 * as many tasks as desired). A service that does not settle in {@code stable_timeout} is put back
 * on its previous revision before the failure is raised, so nothing is left half-deployed. A
 * retried deploy of the same model reuses the revision.
 *
 * <p>The service URL ({@value #URL_KEY}) comes from the spec and is what the smoke test posts the
 * training rows to, so it is checked against the worker's allow-list ({@link OutboundPolicy})
 * before the service is touched: a refused URL fails the deploy for good, naming the key and the
 * host, with the service still on its revision. The smoke test reaches it only through {@link
 * OutboundHttp} ({@link #servingClient}).
 */
public final class EcsDeployer implements Deployer {
  public static final String TARGET = "ecs";
  static final String URL_KEY = "deploy.ecs.url";
  static final String MODEL_NAME = "TOLLGATE_MODEL_NAME";
  static final String MODEL_URI = "TOLLGATE_MODEL_URI";
  static final String MODEL_VERSION = "TOLLGATE_MODEL_VERSION";
  static final String MODEL_DIGEST = "TOLLGATE_MODEL_DIGEST";
  static final String SERVE_ADDRESS = "TOLLGATE_SERVE_ADDRESS";
  static final List<String> SERVE_COMMAND = List.of("serve");

  private static final Logger log = LoggerFactory.getLogger(EcsDeployer.class);

  private final EcsAccess ecs;
  private final Duration poll;
  private final OutboundHttp http;

  /**
   * @param http the worker's client for URLs from a spec: the smoke test's way to the service
   */
  public EcsDeployer(EcsAccess ecs, Duration poll, OutboundHttp http) {
    this.ecs = ecs;
    this.poll = poll;
    this.http = http;
  }

  @Override
  public String target() {
    return TARGET;
  }

  /** The serving API at a deployment's {@value #URL_KEY}, reached through the checked client. */
  public ServingClient servingClient(URI url) {
    return new HttpServingClient(() -> url, http.forKey(URL_KEY));
  }

  /** The serving API of the service {@code deployment} went to, as its location records it. */
  @Override
  public ServingClient servingClient(Deployment deployment) {
    return servingClient(ServiceUrl.parse(EcsLocation.parse(deployment.location()).url()));
  }

  @Override
  public Deployment deploy(DeployRequest request) {
    DeploySpec.Ecs spec = request.deploy().ecs();
    ModelVersion v = request.version();
    checkUrl(spec.url()); // before anything changes on the service
    EcsClient client = ecs.client();
    Service service = service(client, spec);
    String previous = service.taskDefinition();
    TaskDefinition current =
        client.describeTaskDefinition(r -> r.taskDefinition(previous)).taskDefinition();
    String deployed;
    if (carries(current, spec, v)) {
      deployed = previous; // a retried deploy: the service already runs this model
    } else {
      deployed = register(client, current, spec, v);
      client.updateService(
          r -> r.cluster(spec.cluster()).service(spec.service()).taskDefinition(deployed));
      log.info("ecs service {}/{} -> {} ({})", spec.cluster(), spec.service(), deployed, v.label());
    }
    if (!awaitStable(client, spec, deployed)) {
      client.updateService(
          r -> r.cluster(spec.cluster()).service(spec.service()).taskDefinition(previous));
      throw Failures.invalidData(
          "ecs service "
              + spec.service()
              + " did not become stable on "
              + deployed
              + " within "
              + Durations.format(spec.stableTimeout())
              + "; put back on "
              + previous);
    }
    return new Deployment(
        v,
        TARGET,
        new EcsLocation(spec.cluster(), spec.service(), deployed, previous, spec.url()).uri(),
        request.data());
  }

  /**
   * Refuses a service URL the smoke test could not call ({@link ServiceUrl}) or the worker does not
   * let runs reach, before the service changes: a deploy whose smoke test cannot run would leave
   * the service on an untested revision. One that does not resolve now is not refused: the smoke
   * test finds it unreachable, and the deployment is rolled back.
   */
  private void checkUrl(String url) {
    try {
      http.policy().check(URL_KEY, ServiceUrl.parse(url));
    } catch (OutboundRefused refused) {
      throw refused.toFailure();
    } catch (UnknownHostException unreachable) {
      // not refused: see above
    }
  }

  /** As {@link #rollback(Deployment)}: a service goes back to its own previous revision. */
  @Override
  public void rollback(Deployment failed, ModelVersion previous) {
    rollback(failed);
  }

  /** Puts the service back on the revision it ran before {@code failed}. */
  public void rollback(Deployment failed) {
    EcsLocation at = EcsLocation.parse(failed.location());
    DeploySpec.Ecs spec = at.spec();
    EcsClient client = ecs.client();
    Service service = service(client, spec);
    if (!service.taskDefinition().equals(at.deployed())) {
      log.warn(
          "rollback of {} skipped: the service runs {} now",
          failed.version().label(),
          service.taskDefinition());
      return;
    }
    client.updateService(
        r -> r.cluster(at.cluster()).service(at.service()).taskDefinition(at.previous()));
    awaitStable(client, spec, at.previous());
    log.info("ecs service {}/{} rolled back to {}", at.cluster(), at.service(), at.previous());
  }

  private static Service service(EcsClient client, DeploySpec.Ecs spec) {
    DescribeServicesResponse d =
        client.describeServices(r -> r.cluster(spec.cluster()).services(spec.service()));
    if (d.services().isEmpty() || "INACTIVE".equals(d.services().getFirst().status())) {
      throw Failures.invalidData(
          "deploy.ecs.service: no service "
              + spec.service()
              + " in cluster "
              + spec.cluster()
              + (d.failures().isEmpty() ? "" : " (" + d.failures().getFirst().reason() + ")"));
    }
    return d.services().getFirst();
  }

  private static String register(
      EcsClient client, TaskDefinition current, DeploySpec.Ecs spec, ModelVersion v) {
    List<ContainerDefinition> containers = new ArrayList<>();
    String target = container(current, spec);
    for (ContainerDefinition c : current.containerDefinitions()) {
      if (!c.name().equals(target)) {
        containers.add(c);
        continue;
      }
      List<KeyValuePair> env = new ArrayList<>();
      for (KeyValuePair kv : c.environment()) {
        if (!kv.name().startsWith("TOLLGATE_MODEL_")) env.add(kv);
      }
      env.add(KeyValuePair.builder().name(MODEL_NAME).value(v.model()).build());
      env.add(KeyValuePair.builder().name(MODEL_URI).value(v.artifactUri()).build());
      env.add(
          KeyValuePair.builder().name(MODEL_VERSION).value(Integer.toString(v.version())).build());
      env.add(KeyValuePair.builder().name(MODEL_DIGEST).value(v.modelDigest()).build());
      // A container's port is reached from outside it: serve listens on every interface there,
      // unless the task definition says otherwise.
      if (env.stream().noneMatch(kv -> kv.name().equals(SERVE_ADDRESS))) {
        env.add(KeyValuePair.builder().name(SERVE_ADDRESS).value("0.0.0.0").build());
      }
      // The image's entry point is `tollgate`: the container runs `tollgate serve`, pinned to the
      // variables above (docs/deploy.md).
      containers.add(c.toBuilder().environment(env).command(SERVE_COMMAND).build());
    }
    RegisterTaskDefinitionRequest.Builder r =
        RegisterTaskDefinitionRequest.builder()
            .family(current.family())
            .containerDefinitions(containers)
            .taskRoleArn(current.taskRoleArn())
            .executionRoleArn(current.executionRoleArn())
            .networkMode(current.networkMode())
            .volumes(current.volumes())
            .requiresCompatibilities(current.requiresCompatibilities())
            .cpu(current.cpu())
            .memory(current.memory());
    return client.registerTaskDefinition(r.build()).taskDefinition().taskDefinitionArn();
  }

  private static String container(TaskDefinition td, DeploySpec.Ecs spec) {
    if (spec.container() == null) return td.containerDefinitions().getFirst().name();
    if (td.containerDefinitions().stream().noneMatch(c -> c.name().equals(spec.container()))) {
      throw Failures.invalidData(
          "deploy.ecs.container: "
              + td.family()
              + " has no container "
              + spec.container()
              + " (containers: "
              + td.containerDefinitions().stream().map(ContainerDefinition::name).toList()
              + ")");
    }
    return spec.container();
  }

  /**
   * Whether the container is already told to serve {@code v}, every variable as this version sets
   * it (a revision from before {@value #MODEL_NAME} existed gets a new one).
   */
  private static boolean carries(TaskDefinition td, DeploySpec.Ecs spec, ModelVersion v) {
    String target = container(td, spec);
    Map<String, String> want =
        Map.of(
            MODEL_NAME, v.model(),
            MODEL_URI, v.artifactUri(),
            MODEL_VERSION, Integer.toString(v.version()),
            MODEL_DIGEST, v.modelDigest());
    Map<String, String> has = new HashMap<>();
    td.containerDefinitions().stream()
        .filter(c -> c.name().equals(target))
        .flatMap(c -> c.environment().stream())
        .filter(kv -> want.containsKey(kv.name()))
        .forEach(kv -> has.put(kv.name(), kv.value()));
    return has.equals(want);
  }

  /** The SDK waiter's rule: one deployment, on {@code arn}, running as many tasks as desired. */
  private boolean awaitStable(EcsClient client, DeploySpec.Ecs spec, String arn) {
    long deadline = System.nanoTime() + spec.stableTimeout().toNanos();
    while (true) {
      Service s = service(client, spec);
      if (s.deployments().size() == 1
          && s.taskDefinition().equals(arn)
          && s.runningCount().equals(s.desiredCount())) {
        return true;
      }
      if (System.nanoTime() > deadline) return false;
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
