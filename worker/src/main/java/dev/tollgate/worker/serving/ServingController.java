package dev.tollgate.worker.serving;

import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ServedModel;
import dev.tollgate.activities.serving.ServingAnswer;
import dev.tollgate.activities.serving.ServingError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local serving's HTTP API: {@code POST /v1/models/{name}/predict} with {@code {"rows": [{...}]}}
 * answers {@code {"model", "version", "canary", "predictions", "scores"}}; {@code GET
 * /v1/models/{name}} says which version serves since when; {@code GET /v1/models} lists them. Bad
 * rows are a 400 naming the row and field, an unknown model a 404. docs/serving.md.
 */
@RestController
@RequestMapping("/v1/models")
public class ServingController {
  private final ModelServing serving;
  private final ServingMeters meters;

  public ServingController(ModelServing serving, ServingMeters meters) {
    this.serving = serving;
    this.meters = meters;
  }

  @GetMapping
  public Map<String, Object> list() {
    List<Map<String, Object>> models = new ArrayList<>();
    for (String model : serving.models()) models.add(describe(model));
    return Map.of("models", models);
  }

  @GetMapping("/{name}")
  public Map<String, Object> describe(@PathVariable String name) {
    List<ServedModel> served = serving.served(name);
    ServedModel stable = served.getFirst();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", stable.model());
    out.put("version", stable.version());
    out.put("since", stable.since());
    out.put("deployed_by", stable.deployedBy());
    out.put("model_digest", stable.modelDigest());
    if (served.size() > 1) {
      out.put(
          "canary",
          Map.of("version", served.get(1).version(), "percent", serving.canaryPercent(name)));
    } else {
      out.put("canary", null);
    }
    return out;
  }

  @PostMapping("/{name}/predict")
  public ServingAnswer predict(
      @PathVariable String name,
      @RequestBody Map<String, Object> body,
      @RequestParam(name = "version", required = false) Integer version) {
    long started = System.nanoTime();
    try {
      ServingAnswer answer = serving.predict(name, rows(body), version);
      meters.record(name, answer.version(), 200, System.nanoTime() - started);
      return answer;
    } catch (ServingError e) {
      meters.record(name, null, e.status(), System.nanoTime() - started);
      throw e;
    } catch (RuntimeException e) {
      meters.record(name, null, 500, System.nanoTime() - started);
      throw e;
    }
  }

  private static List<Map<String, Object>> rows(Map<String, Object> body) {
    Object rows = body.get("rows");
    if (!(rows instanceof List<?> list)) {
      throw new ServingError(
          400, "rows: expected a list of objects such as [{\"temperature\": 21.5}]");
    }
    List<Map<String, Object>> typed = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> row)) {
        throw new ServingError(400, "rows[" + i + "]: expected an object of the model's fields");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) row;
      typed.add(fields);
    }
    return typed;
  }

  @ExceptionHandler(ServingError.class)
  public ResponseEntity<Map<String, String>> refused(ServingError e) {
    return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("error", "the body is not JSON of the form {\"rows\": [{...}]}"));
  }
}
