package dev.tollgate.adapters.ray;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.train.ray.RayException;
import dev.tollgate.activities.train.ray.RayJobs;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RayJobs} on Ray's Jobs REST API with the JDK's HTTP client and Jackson: no Ray SDK and no
 * Python on the worker. One instance talks to one dashboard URL; it is thread-safe. What each call
 * sends and how Ray answers is measured in docs/wip/i26-ray-facts.md; the points that shape this
 * class: a duplicate submission id is an HTTP 500 (not 409) saying "already exists", an unknown id
 * a 404, error bodies are Python tracebacks (never quoted raw: {@link RayReason}), the state API
 * ({@code /api/v0/nodes}) is the one that sees a dead node.
 */
public final class HttpRayJobs implements RayJobs {
  /** A whole job log comes back on every poll (Ray has no offset); past this it is an error. */
  static final int LOG_BYTES = 64 * 1024 * 1024;

  private static final class Shared {
    static final HttpClient CLIENT = RayHttp.client(RayTimeouts.DEFAULTS);
  }

  private final RayHttp http;

  /** A client of the dashboard at {@code address} with {@link RayTimeouts#DEFAULTS}. */
  public HttpRayJobs(String address) {
    this(address, Shared.CLIENT, RayTimeouts.DEFAULTS);
  }

  public HttpRayJobs(String address, RayTimeouts timeouts) {
    this(address, RayHttp.client(timeouts), timeouts);
  }

  private HttpRayJobs(String address, HttpClient client, RayTimeouts timeouts) {
    this.http = new RayHttp(base(address), client, timeouts);
  }

  /** A factory whose clients share one connection pool and these timeouts. */
  public static RayJobs.Factory factory(RayTimeouts timeouts) {
    HttpClient client = RayHttp.client(timeouts);
    return address -> new HttpRayJobs(address, client, timeouts);
  }

  @Override
  public String address() {
    return http.address();
  }

  @Override
  public String session() throws RayException {
    String path = "/api/version";
    JsonNode version = json("GET", path, ok("GET", path, http.get(path, RayHttp.ANSWER_BYTES)));
    String session = RayJson.text(version, "session_name");
    if (session == null || session.isBlank()) {
      throw http.unexpected("GET", path, "no session_name (is it a Ray dashboard?)");
    }
    return session;
  }

  @Override
  public String uploadPackage(String name, byte[] zip) throws RayException {
    Objects.requireNonNull(zip, "zip");
    String path = RayPaths.gcsPackage(name);
    RayHttp.Answer present = http.get(path, RayHttp.ANSWER_BYTES);
    if (present.status() == 404) {
      ok("PUT", path, http.put(path, zip));
    } else {
      ok("GET", path, present);
    }
    return "gcs://" + name;
  }

  @Override
  public boolean submit(Submission submission) throws RayException {
    String path = "/api/jobs/";
    RayPaths.job(submission.submissionId(), ""); // the same rule as every other call's id
    RayHttp.Answer answer = http.post(path, RayJson.submission(submission));
    if (answer.status() >= 400 && duplicate(answer.text(), submission.submissionId())) {
      return false;
    }
    ok("POST", path, answer);
    return true;
  }

  @Override
  public Optional<Job> job(String submissionId) throws RayException {
    String path = RayPaths.job(submissionId, "");
    RayHttp.Answer answer = http.get(path, RayHttp.ANSWER_BYTES);
    if (answer.status() == 404) return Optional.empty();
    JsonNode node = json("GET", path, ok("GET", path, answer));
    return Optional.of(
        RayJson.job(node, submissionId)
            .orElseThrow(() -> http.unexpected("GET", path, "no known job status")));
  }

  @Override
  public String logs(String submissionId) throws RayException {
    String path = RayPaths.job(submissionId, "/logs");
    JsonNode node = json("GET", path, ok("GET", path, http.get(path, LOG_BYTES)));
    JsonNode logs = node.path("logs");
    if (!logs.isTextual()) throw http.unexpected("GET", path, "no logs field");
    return logs.asText();
  }

  @Override
  public boolean stop(String submissionId) throws RayException {
    String path = RayPaths.job(submissionId, "/stop");
    JsonNode node = json("POST", path, ok("POST", path, http.post(path, new byte[0])));
    JsonNode stopped = node.path("stopped");
    if (!stopped.isBoolean()) throw http.unexpected("POST", path, "no stopped field");
    return stopped.booleanValue();
  }

  @Override
  public List<Node> nodes() throws RayException {
    String path = "/api/v0/nodes";
    JsonNode node = json("GET", path, ok("GET", path, http.get(path, RayHttp.ANSWER_BYTES)));
    if (node.path("result").isBoolean() && !node.path("result").booleanValue()) {
      throw new RayException(
          RayException.Kind.UNREACHABLE,
          "Ray at " + address() + " could not list its nodes: " + RayJson.failureMessage(node));
    }
    return RayJson.nodes(node)
        .orElseThrow(() -> http.unexpected("GET", path, "no data.result.result list"));
  }

  /** Ray: "Job with submission_id ID already exists. Please use a different submission_id." */
  private static boolean duplicate(String body, String id) {
    return body.contains("already exists") && body.contains("submission_id " + id + " ");
  }

  private RayHttp.Answer ok(String method, String path, RayHttp.Answer answer) throws RayException {
    if (answer.status() != 200) throw http.refused(method, path, answer);
    return answer;
  }

  private JsonNode json(String method, String path, RayHttp.Answer answer) throws RayException {
    return RayJson.read(answer.text())
        .filter(JsonNode::isObject)
        .orElseThrow(() -> http.unexpected(method, path, "not JSON"));
  }

  /** The dashboard URL without a trailing slash; http(s), a host, no credentials or query. */
  static String base(String address) {
    URI uri;
    try {
      uri = new URI(Objects.requireNonNull(address, "address").strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the Ray address is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the Ray address must be an http:// or https:// URL with a host (the dashboard's)");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the Ray address must not carry credentials, a query or a fragment");
    }
    String text = uri.toString();
    while (text.endsWith("/")) text = text.substring(0, text.length() - 1);
    return text;
  }
}
