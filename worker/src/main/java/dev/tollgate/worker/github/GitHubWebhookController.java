package dev.tollgate.worker.github;

import dev.tollgate.worker.web.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GitHub's webhook, {@code POST /github/webhook} (content type {@code application/json}). The body
 * is read as raw bytes from the servlet stream, bounded ({@link BoundedBody}): the signature covers
 * the exact bytes GitHub sent. What is answered, and in which order, is {@link GitHubWebhook}'s.
 */
@RestController
public class GitHubWebhookController {
  private final GitHubWebhook webhook;

  GitHubWebhookController(GitHubWebhook webhook) {
    this.webhook = webhook;
  }

  @PostMapping("/github/webhook")
  public ResponseEntity<String> deliver(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    if (!webhook.enabled()) return unread(webhook.off(remote));
    byte[] body;
    try {
      body = BoundedBody.read(request, webhook.maxPayload());
    } catch (BoundedBody.TooLarge e) {
      return unread(webhook.tooLarge(remote));
    } catch (IOException e) {
      // the client went away mid-body: nobody is left to answer
      return ResponseEntity.badRequest().build();
    }
    return answer(
        webhook.handle(
            request.getHeader("X-GitHub-Event"),
            request.getHeader("X-GitHub-Delivery"),
            request.getHeader("X-Hub-Signature-256"),
            body,
            remote));
  }

  /** An answer given with the body (partly) unread: the connection cannot carry another request. */
  private static ResponseEntity<String> unread(GitHubWebhook.Answer answer) {
    return ResponseEntity.status(answer.status())
        .header(HttpHeaders.CONNECTION, "close")
        .contentType(MediaType.TEXT_PLAIN)
        .body(answer.body());
  }

  private static ResponseEntity<String> answer(GitHubWebhook.Answer answer) {
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.TEXT_PLAIN)
        .body(answer.body());
  }
}
