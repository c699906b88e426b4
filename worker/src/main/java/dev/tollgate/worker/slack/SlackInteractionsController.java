package dev.tollgate.worker.slack;

import com.slack.api.bolt.response.Response;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's Interactivity Request URL, {@code POST /slack/interactions}: button clicks and modal
 * submissions. The body is read as raw bytes from the servlet stream, not bound by Spring: the
 * signature covers the exact bytes Slack sent, and Spring re-encodes form posts from their
 * parameters, which need not give those bytes back.
 */
@RestController
public class SlackInteractionsController {
  private final SlackInteractions interactions;

  public SlackInteractionsController(SlackInteractions interactions) {
    this.interactions = interactions;
  }

  @PostMapping("/slack/interactions")
  public ResponseEntity<String> interact(HttpServletRequest request) throws Exception {
    String body = read(request);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    Response answer =
        interactions.handle(request.getRequestURI(), body, headers, request.getRemoteAddr());
    HttpHeaders out = new HttpHeaders();
    if (answer.getHeaders() != null) answer.getHeaders().forEach(out::addAll);
    if (answer.getContentType() != null) out.set(HttpHeaders.CONTENT_TYPE, answer.getContentType());
    int status = answer.getStatusCode() == null ? 200 : answer.getStatusCode();
    return ResponseEntity.status(status).headers(out).body(answer.getBody());
  }

  private static String read(HttpServletRequest request) throws IOException {
    return new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
