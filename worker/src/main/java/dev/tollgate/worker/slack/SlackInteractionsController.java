package dev.tollgate.worker.slack;

import com.slack.api.bolt.response.Response;
import dev.tollgate.worker.web.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
 * submissions. Anyone who reaches the port can post here, so the body is read last and bounded:
 * with Slack off the answer is 503 before a byte is read; a declared or streamed body over {@code
 * tollgate.slack.max-body} is 413 ({@link BoundedBody}). The body is read as raw bytes from the
 * servlet stream, not bound by Spring: the signature covers the exact bytes Slack sent, and Spring
 * re-encodes form posts from their parameters, which need not give those bytes back.
 */
@RestController
public class SlackInteractionsController {
  private final SlackInteractions interactions;

  public SlackInteractionsController(SlackInteractions interactions) {
    this.interactions = interactions;
  }

  @PostMapping("/slack/interactions")
  public ResponseEntity<String> interact(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    if (!interactions.enabled()) return unread(interactions.off(remote));
    byte[] body;
    try {
      body = BoundedBody.read(request, interactions.maxBody());
    } catch (BoundedBody.TooLarge e) {
      return unread(interactions.tooLarge(remote));
    } catch (IOException e) {
      // the client went away mid-body: nobody is left to answer
      return ResponseEntity.badRequest().build();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return answer(interactions.handle(request.getRequestURI(), body, headers, remote));
  }

  /** An answer given with the body (partly) unread: the connection cannot carry another request. */
  private static ResponseEntity<String> unread(Response answer) {
    ResponseEntity<String> r = answer(answer);
    return ResponseEntity.status(r.getStatusCode())
        .headers(r.getHeaders())
        .header(HttpHeaders.CONNECTION, "close")
        .body(r.getBody());
  }

  private static ResponseEntity<String> answer(Response answer) {
    HttpHeaders out = new HttpHeaders();
    if (answer.getHeaders() != null) answer.getHeaders().forEach(out::addAll);
    if (answer.getContentType() != null) out.set(HttpHeaders.CONTENT_TYPE, answer.getContentType());
    int status = answer.getStatusCode() == null ? 200 : answer.getStatusCode();
    return ResponseEntity.status(status).headers(out).body(answer.getBody());
  }
}
