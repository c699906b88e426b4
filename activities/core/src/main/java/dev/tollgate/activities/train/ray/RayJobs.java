package dev.tollgate.activities.train.ray;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Ray cluster's Jobs API, as the Ray runner uses it (docs/wip/i26-ray-facts.md has what the real
 * API does). The core knows only this interface; the HTTP client is an adapter ({@code
 * activities/ray}). Every call can throw {@link RayException}: {@link
 * RayException.Kind#UNREACHABLE} for an outage (retried by the stage), {@link
 * RayException.Kind#REJECTED} when the cluster refused the request. Messages never carry a response
 * body raw (Ray answers errors with Python tracebacks naming server paths).
 */
public interface RayJobs {

  /** Makes the client of one cluster (the worker wires the HTTP adapter in). */
  @FunctionalInterface
  interface Factory {
    /**
     * @param address the dashboard URL, already allowed by the worker
     */
    RayJobs connect(String address);
  }

  /** The dashboard URL this client talks to, for messages. */
  String address();

  /**
   * The cluster's session name ({@code GET /api/version}); a restarted head has a new one and has
   * forgotten every job.
   */
  String session() throws RayException;

  /**
   * Uploads a working-directory package ({@code PUT /api/packages/gcs/<name>}) unless the cluster
   * already has it; returns its URI for {@code runtime_env.working_dir} ({@code gcs://<name>}).
   *
   * @param name {@code _ray_pkg_<content hash>.zip}
   */
  String uploadPackage(String name, byte[] zip) throws RayException;

  /**
   * Submits a job. False when a job with this submission id already exists (the existing job is
   * untouched: follow it).
   */
  boolean submit(Submission submission) throws RayException;

  /** The job, or empty when the cluster does not know the id (404). */
  Optional<Job> job(String submissionId) throws RayException;

  /** The job's whole log so far (Ray has no offset; the caller keeps how much it has seen). */
  String logs(String submissionId) throws RayException;

  /** Asks the job to stop; false when it had already ended. Idempotent. */
  boolean stop(String submissionId) throws RayException;

  /** The cluster's nodes, as the state API says ({@code GET /api/v0/nodes}). */
  List<Node> nodes() throws RayException;

  /**
   * A job to submit ({@code POST /api/jobs/}).
   *
   * @param entrypoint the shell command Ray runs ({@code /bin/sh -c})
   * @param workingDir {@code runtime_env.working_dir} ({@code gcs://…} from {@link #uploadPackage})
   * @param pip {@code runtime_env.pip}; empty: none
   * @param envVars {@code runtime_env.env_vars}
   * @param numCpus {@code entrypoint_num_cpus}, or {@code null}
   * @param numGpus {@code entrypoint_num_gpus}, or {@code null}
   * @param resources {@code entrypoint_resources} (custom resources), empty: none
   * @param metadata {@code metadata}: model, run, attempt (shown in Ray's dashboard)
   */
  record Submission(
      String submissionId,
      String entrypoint,
      String workingDir,
      List<String> pip,
      Map<String, String> envVars,
      Double numCpus,
      Double numGpus,
      Map<String, Double> resources,
      Map<String, String> metadata) {
    public Submission {
      pip = List.copyOf(pip);
      envVars = Map.copyOf(envVars);
      resources = Map.copyOf(resources);
      metadata = Map.copyOf(metadata);
    }
  }

  /** A job's state as Ray reports it. */
  enum Status {
    PENDING,
    RUNNING,
    STOPPED,
    SUCCEEDED,
    FAILED;

    public boolean terminal() {
      return this == STOPPED || this == SUCCEEDED || this == FAILED;
    }
  }

  /**
   * @param message Ray's message (for a failure it ends with the last 20,000 characters of the log)
   * @param errorType {@code JOB_ENTRYPOINT_COMMAND_ERROR}, {@code RUNTIME_ENV_SETUP_FAILURE},
   *     {@code JOB_SUPERVISOR_ACTOR_DIED}, …; {@code null} when none
   * @param driverExitCode the entrypoint's exit code once it ended, else {@code null}
   */
  record Job(
      String submissionId,
      Status status,
      String message,
      String errorType,
      Integer driverExitCode) {}

  /**
   * @param alive the state API's {@code state == ALIVE}
   * @param resources {@code resources_total} ({@code CPU}, {@code GPU}, custom ones)
   */
  record Node(String nodeId, boolean alive, Map<String, Double> resources) {
    public Node {
      resources = Map.copyOf(resources);
    }
  }
}
