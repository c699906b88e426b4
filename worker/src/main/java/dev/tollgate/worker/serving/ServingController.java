package dev.tollgate.worker.serving;

import dev.tollgate.activities.serving.LoadFailure;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ServedBy;
import dev.tollgate.activities.serving.ServedModel;
import dev.tollgate.activities.serving.ServingAnswer;
import dev.tollgate.activities.serving.ServingError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local serving's HTTP API, JSON only: {@code POST /v1/models/{name}/predict} with {@code {"rows":
 * [{...}]}} answers {@code {"model", "version", "canary", "predictions", "scores"}}; {@code GET
 * /v1/models/{name}} says which version serves since when, deployed by which run on whose approval
 * (or rolled back to by whom and why); {@code GET /v1/models} lists them.
 *
 * <p>A prediction is checked in the order that costs the worker least: the model must be served
 * (404, before a byte of the body is read), the body must be JSON (415) within {@link
 * ServingLimits} (413 for bytes, 400 for rows), then each row is checked by the model's schema (400
 * naming the row and field). docs/serving.md.
 */
@RestController
@ConditionalOnProperty(name = "tollgate.serving.enabled", matchIfMissing = true)
@RequestMapping(path = "/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
public class ServingController {
  private final ModelServing serving;
  private final ServingMeters meters;
  private final PredictBodyReader body;

  public ServingController(ModelServing serving, ServingMeters meters, ServingLimits limits) {
    this.serving = serving;
    this.meters = meters;
    this.body = new PredictBodyReader(limits);
  }

  /** Every model with a pointer; one that could not be loaded says so instead of a version. */
  @GetMapping
  public Map<String, Object> list() {
    List<Map<String, Object>> models = new ArrayList<>();
    for (String model : serving.models()) {
      try {
        models.add(description(model));
      } catch (ServingError e) {
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("model", model);
        missing.put("version", null);
        missing.put("error", e.getMessage());
        missing.put("load_failure", failure(model));
        models.add(missing);
      }
    }
    return Map.of("models", models);
  }

  /**
   * The served version; while nothing could be loaded, 503 with {@code error} and {@code
   * load_failure} (the smoke test reads it to fail at once rather than wait).
   */
  @GetMapping("/{name}")
  public ResponseEntity<Map<String, Object>> describe(@PathVariable String name) {
    try {
      return ResponseEntity.ok(description(name));
    } catch (ServingError e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", e.getMessage());
      if (e.status() == 503) body.put("load_failure", failure(name));
      return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }
  }

  private Map<String, Object> failure(String model) {
    LoadFailure f = serving.loadFailure(model);
    if (f == null) return null;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", f.version());
    out.put("error", f.reason());
    return out;
  }

  private Map<String, Object> description(String name) {
    List<ServedModel> served = serving.served(name);
    ServedModel stable = served.getFirst();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", stable.model());
    out.put("version", stable.version());
    out.put("since", stable.since());
    // Who put it there, each in a field of its own: no more "deployed_by", which held a run id
    // (docs/serving.md).
    ServedBy by = stable.servedBy();
    out.put("run", by.run());
    out.put("approved_by", by.approvedBy());
    out.put("rolled_back_by", by.rolledBackBy());
    out.put("reason", by.reason());
    out.put("model_digest", stable.modelDigest());
    if (served.size() > 1) {
      ServedModel canary = served.get(1);
      Map<String, Object> share = new LinkedHashMap<>();
      share.put("version", canary.version());
      share.put("percent", serving.canaryPercent(name));
      share.put("run", canary.servedBy().run());
      share.put("approved_by", canary.servedBy().approvedBy());
      out.put("canary", share);
    } else {
      out.put("canary", null);
    }
    // a newer version that could not be loaded: this one serves until it can (docs/serving.md)
    out.put("load_failure", failure(name));
    return out;
  }

  /** The body is read here, not by a message converter: only once the model is known served. */
  @PostMapping("/{name}/predict")
  public ServingAnswer predict(
      @PathVariable String name,
      @RequestParam(name = "version", required = false) Integer version,
      HttpServletRequest request) {
    long started = System.nanoTime();
    // the metric's label: a served model's name, never a name a request made up
    String label = ServingMeters.UNKNOWN;
    try {
      serving.requireServed(name);
      label = name;
      ServingAnswer answer = serving.predict(name, body.read(request), version);
      meters.record(label, answer.version(), 200, System.nanoTime() - started);
      return answer;
    } catch (ServingError e) {
      meters.record(label, null, e.status(), System.nanoTime() - started);
      throw e;
    } catch (RuntimeException e) {
      meters.record(label, null, 500, System.nanoTime() - started);
      throw e;
    }
  }

  @ExceptionHandler(ServingError.class)
  public ResponseEntity<Map<String, String>> refused(ServingError e) {
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", e.getMessage()));
  }
}
