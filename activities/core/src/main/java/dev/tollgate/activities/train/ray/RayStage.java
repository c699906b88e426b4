package dev.tollgate.activities.train.ray;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.train.command.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Ray job's inputs and results in the staging store every node reaches, under {@code
 * ray-runs/<submission id>/} (docs/wip/i26-protocol.md, "Staging"): the worker puts the training
 * rows, the hyperparameters and {@code launch.json}; the launcher puts {@code result/model/…},
 * {@code result/output/…} and {@code result/manifest.json}; the worker fetches what the manifest
 * lists into its local run folder (each file's size and SHA-256 checked, the whole capped), and
 * deletes the staged objects once the run is over.
 */
final class RayStage {
  static final String TRAIN = "input/data/train/train.csv";
  static final String HYPERPARAMETERS = "input/config/hyperparameters.json";
  static final String LAUNCH = "launch.json";
  static final String MANIFEST = "result/manifest.json";
  private static final Pattern RESULT_PATH =
      Pattern.compile("(model|output)/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

  /** A manifest or a result file that is not what the launcher writes. */
  static final class BadResult extends Exception {
    BadResult(String message) {
      super(message);
    }
  }

  /** What the launcher reported: the command's exit code and the files it uploaded. */
  record Manifest(int exitCode, List<String> files) {}

  private final ArtifactStore store;
  private final long maxResultBytes;

  RayStage(ArtifactStore store, long maxResultBytes) {
    this.store = store;
    this.maxResultBytes = maxResultBytes;
  }

  static String prefix(String submissionId) {
    return "ray-runs/" + submissionId + "/";
  }

  /** The job's prefix as a URI, for the launcher ({@code file:/…/} or {@code s3://…/}). */
  String uri(String submissionId) {
    String launch = store.uri(prefix(submissionId) + LAUNCH);
    return launch.substring(0, launch.length() - LAUNCH.length());
  }

  /** Puts the run folder's inputs (already filled) and the command to run. */
  void putInputs(
      String submissionId,
      RunFolder run,
      List<String> argv,
      Map<String, String> hyperparameters,
      String progressRegex) {
    String p = prefix(submissionId);
    store.put(p + TRAIN, run.channelTrain().resolve("train.csv"));
    store.put(p + HYPERPARAMETERS, run.hyperparameters());
    Map<String, Object> launch = new LinkedHashMap<>();
    launch.put("argv", argv);
    launch.put("hyperparameters", hyperparameters); // SM_HP_<NAME>, as the worker writes them
    launch.put("progress_regex", progressRegex);
    store.put(p + LAUNCH, Json.pretty(launch));
  }

  /** The manifest, or empty when the launcher wrote none (it never ran or could not finish). */
  Optional<Manifest> manifest(String submissionId) throws BadResult {
    String key = prefix(submissionId) + MANIFEST;
    if (!store.exists(key)) return Optional.empty();
    try {
      JsonNode root = Json.mapper().readTree(store.get(key));
      if (!root.path("exit_code").canConvertToInt()) throw bad("it has no exit_code");
      List<String> paths = new ArrayList<>();
      root.path("files").forEach(f -> paths.add(f.path("path").asText()));
      return Optional.of(new Manifest(root.path("exit_code").asInt(), paths));
    } catch (IOException e) {
      throw bad("it is not JSON");
    }
  }

  /** Fetches every listed file into the run folder ({@code model/…}, {@code output/…}). */
  void fetch(String submissionId, RunFolder run) throws BadResult, IOException {
    JsonNode root = Json.mapper().readTree(store.get(prefix(submissionId) + MANIFEST));
    long total = 0;
    for (JsonNode f : root.path("files")) {
      String path = f.path("path").asText();
      long size = f.path("size").asLong(-1);
      String sha = f.path("sha256").asText();
      if (!RESULT_PATH.matcher(path).matches() || path.contains("/../") || path.contains("/./")) {
        throw bad("it lists a file outside model/ and output/");
      }
      total += Math.max(0, size);
      if (total > maxResultBytes) {
        throw new BadResult(
            "the Ray job's model and output folders hold more than "
                + (maxResultBytes >> 20)
                + " MB, the most this worker fetches (setting tollgate.training.ray"
                + ".max-result-bytes)");
      }
      byte[] bytes = store.get(prefix(submissionId) + "result/" + path);
      if (bytes.length != size || !Digests.sha256(bytes).equals(sha)) {
        throw new BadResult(
            "the Ray job's result file " + path + " does not match its manifest (size or sha256)");
      }
      Path target = run.root().resolve(path);
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
    }
  }

  /** Removes what this job staged: inputs, and the results the manifest lists. Best effort. */
  void delete(String submissionId) {
    String p = prefix(submissionId);
    List<String> keys = new ArrayList<>(List.of(p + TRAIN, p + HYPERPARAMETERS, p + LAUNCH));
    try {
      manifest(submissionId)
          .ifPresent(
              m ->
                  m.files().stream()
                      .filter(f -> RESULT_PATH.matcher(f).matches())
                      .forEach(f -> keys.add(p + "result/" + f)));
    } catch (BadResult | RuntimeException e) {
      // an unreadable manifest: its files stay, the inputs still go
    }
    keys.add(p + MANIFEST);
    for (String key : keys) {
      try {
        store.delete(key);
      } catch (RuntimeException e) {
        // staging is temporary: a failed delete must not fail a trained model
      }
    }
  }

  private static BadResult bad(String why) {
    return new BadResult(
        "the Ray job's result/manifest.json cannot be used: "
            + why
            + " (was it written by Tollgate's launcher?)");
  }
}
