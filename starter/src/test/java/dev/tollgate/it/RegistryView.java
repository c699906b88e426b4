package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry as {@code tollgate models show MODEL --json} prints it, through a running worker:
 * what the integration tests check after a run (stages, promotions, audit rows).
 */
record RegistryView(Cli cli) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The model's record, or a missing node when the registry has no such model. */
  JsonNode record(String model) {
    ProcResult shown = cli.run("models", "show", model, "--json");
    if (shown.exitCode() != 0) {
      if (shown.err().contains("no model " + model + " in the registry")) return JSON.missingNode();
      throw new AssertionError("tollgate models show failed: " + shown);
    }
    try {
      return JSON.readTree(shown.out());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + shown.out(), e);
    }
  }

  /** The stage of every version, in order, e.g. [PRODUCTION] or [NONE]. */
  List<String> versionStages(String model) {
    return versionStages(record(model));
  }

  /** The same from a record already read (each read is a CLI process). */
  static List<String> versionStages(JsonNode record) {
    List<String> stages = new ArrayList<>();
    record.path("versions").forEach(v -> stages.add(v.path("stage").asText()));
    return stages;
  }

  /** Audit rows that moved a version into Production. */
  int promotions(String model) {
    return promotions(record(model));
  }

  /** The same from a record already read. */
  static int promotions(JsonNode record) {
    int n = 0;
    for (JsonNode t : record.path("audit")) {
      if (t.path("to").asText().equals("PRODUCTION")) n++;
    }
    return n;
  }
}
