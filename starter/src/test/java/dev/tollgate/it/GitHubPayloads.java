package dev.tollgate.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code push} and {@code pull_request} payloads shaped like GitHub's (docs.github.com, "Webhook
 * events and payloads"), with the fields Tollgate reads and a few it does not, for one repository.
 */
record GitHubPayloads(String fullName, String cloneUrl) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String ZEROS = "0".repeat(40);

  /** A push of one commit to {@code branch}, from {@code before} to {@code after}. */
  String push(
      String branch, String before, String after, List<String> added, List<String> modified) {
    ObjectNode root = JSON.createObjectNode();
    root.put("ref", "refs/heads/" + branch);
    root.put("before", before);
    root.put("after", after);
    root.put("created", before.equals(ZEROS));
    root.put("deleted", false);
    root.put("forced", false);
    root.putNull("base_ref");
    ObjectNode commit = root.putArray("commits").addObject();
    commit.put("id", after);
    commit.put("message", "change the specs");
    commit.put("timestamp", "2026-12-07T14:00:00Z");
    commit.putObject("author").put("name", "Ada Lovelace").put("username", "ada");
    list(commit.putArray("added"), added);
    commit.putArray("removed");
    list(commit.putArray("modified"), modified);
    root.putObject("head_commit").put("id", after).put("message", "change the specs");
    repository(root);
    root.putObject("pusher").put("name", "ada");
    root.putObject("sender").put("login", "ada").put("id", 2);
    return write(root);
  }

  /** A pull request event: {@code action} opened or synchronize, head into base. */
  String pullRequest(
      String action, int number, String headRef, String headSha, String baseRef, String baseSha) {
    ObjectNode root = JSON.createObjectNode();
    root.put("action", action);
    root.put("number", number);
    ObjectNode pr = root.putObject("pull_request");
    pr.put("number", number);
    pr.put("state", "open");
    pr.put("title", "Tune the energy model");
    pr.put("html_url", "https://github.com/" + fullName + "/pull/" + number);
    pr.putObject("head").put("ref", headRef).put("sha", headSha).put("label", "acme:" + headRef);
    pr.putObject("base").put("ref", baseRef).put("sha", baseSha).put("label", "acme:" + baseRef);
    pr.putObject("user").put("login", "ada");
    if (action.equals("synchronize")) root.put("before", baseSha).put("after", headSha);
    repository(root);
    root.putObject("sender").put("login", "ada").put("id", 2);
    return write(root);
  }

  private void repository(ObjectNode root) {
    ObjectNode repository = root.putObject("repository");
    repository.put("id", 123456);
    repository.put("name", fullName.substring(fullName.indexOf('/') + 1));
    repository.put("full_name", fullName);
    repository.put("private", true);
    repository.putObject("owner").put("login", fullName.substring(0, fullName.indexOf('/')));
    repository.put("clone_url", cloneUrl);
    repository.put("default_branch", "main");
  }

  private static void list(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
