package dev.tollgate.worker.github;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.Echo;
import dev.tollgate.activities.commits.RepositoryName;
import dev.tollgate.github.GitHubDelivery;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A signed {@code push} or {@code pull_request} payload read into a {@link GitHubDelivery}, or the
 * reason it is ignored (a branch not configured, a tag, a deleted branch, a pull request closed).
 * Only the fields Tollgate acts on are read (docs.github.com, "Webhook events and payloads").
 */
final class WebhookPayloads {
  /** The payload is not the event's JSON: GitHub never sends that, so a 400. */
  static final class Malformed extends Exception {
    Malformed(String why) {
      super(why, null, false, false);
    }
  }

  /** What a payload comes to: a delivery to record, or why it is ignored. */
  record Read(GitHubDelivery delivery, String ignored) {}

  private static final ObjectMapper JSON = mapper();
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Set<String> PR_ACTIONS = Set.of("opened", "synchronize", "reopened");
  private static final String HEADS = "refs/heads/";

  private final GitHubProperties settings;

  WebhookPayloads(GitHubProperties settings) {
    this.settings = settings;
  }

  Read read(String event, String deliveryId, byte[] body) throws Malformed {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new Malformed("the payload is not JSON");
    }
    if (root == null || !root.isObject()) throw new Malformed("the payload is not a JSON object");
    String repository = text(root.path("repository"), "full_name");
    try {
      RepositoryName.of(repository);
    } catch (IllegalArgumentException e) {
      throw new Malformed("repository.full_name is not owner/name");
    }
    if (!settings.repositoryConfigured(repository)) {
      return ignored(
          "repository "
              + Echo.value(repository)
              + " is not configured (tollgate.github.repositories)");
    }
    String cloneUrl = text(root.path("repository"), "clone_url");
    return switch (event) {
      case "push" -> push(root, deliveryId, repository, cloneUrl);
      case "pull_request" -> pullRequest(root, deliveryId, repository, cloneUrl);
      default -> throw new IllegalArgumentException(event);
    };
  }

  private Read push(JsonNode root, String id, String repository, String cloneUrl) throws Malformed {
    String ref = text(root, "ref");
    if (!ref.startsWith(HEADS)) return ignored("a push to " + Echo.value(ref) + ", not a branch");
    String branch = ref.substring(HEADS.length());
    if (!settings.branchConfigured(branch)) return notConfigured(branch);
    if (root.path("deleted").asBoolean(false)) {
      return ignored("branch " + Echo.value(branch) + " was deleted");
    }
    String sha = sha(text(root, "after"));
    Set<String> specs = new LinkedHashSet<>();
    for (JsonNode commit : root.path("commits")) {
      for (String list : new String[] {"added", "modified"}) {
        for (JsonNode file : commit.path(list)) {
          if (isSpec(file.asText(""))) specs.add(file.asText());
        }
      }
    }
    return new Read(
        new GitHubDelivery(
            id,
            "push",
            "",
            repository,
            cloneUrl,
            ref,
            sha,
            0,
            specs.stream().toList(),
            optionalSha(root.path("before").asText(""))),
        null);
  }

  private Read pullRequest(JsonNode root, String id, String repository, String cloneUrl)
      throws Malformed {
    String action = text(root, "action");
    if (!PR_ACTIONS.contains(action)) {
      return ignored(
          "pull request action " + Echo.value(action) + " (only opened, synchronize, reopened)");
    }
    JsonNode pr = root.path("pull_request");
    String base = text(pr.path("base"), "ref");
    if (!settings.branchConfigured(base)) return notConfigured(base);
    int number = root.path("number").asInt(pr.path("number").asInt(0));
    if (number < 1) throw new Malformed("the pull request has no number");
    String sha = sha(text(pr.path("head"), "sha"));
    String ref = text(pr.path("head"), "ref");
    return new Read(
        new GitHubDelivery(
            id,
            "pull_request",
            action,
            repository,
            cloneUrl,
            ref,
            sha,
            number,
            null,
            optionalSha(pr.path("base").path("sha").asText(""))),
        null);
  }

  /** A {@code .yaml} or {@code .yml} file in one of the configured spec folders (or below). */
  boolean isSpec(String path) {
    if (!(path.endsWith(".yaml") || path.endsWith(".yml"))) return false;
    for (String folder : settings.specPaths()) {
      if (folder.isEmpty() || path.startsWith(folder + "/")) return true;
    }
    return false;
  }

  private static Read notConfigured(String branch) {
    return ignored(
        "branch " + Echo.value(branch) + " is not configured (tollgate.github.branches)");
  }

  private static Read ignored(String why) {
    return new Read(null, why);
  }

  private static String sha(String sha) throws Malformed {
    if (!SHA.matcher(sha).matches()) throw new Malformed("the commit is not a full SHA");
    return sha;
  }

  /** A base SHA when the payload has a well-formed one, else empty (it only narrows the diff). */
  private static String optionalSha(String sha) {
    return SHA.matcher(sha).matches() ? sha : "";
  }

  private static String text(JsonNode node, String field) throws Malformed {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new Malformed("the payload has no " + field);
    }
    return value.asText();
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build());
    mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }
}
