package dev.tollgate.adapters.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * One message to post.
 *
 * @param text the fallback: what notifications and screen readers show, and all a client without
 *     Block Kit sees
 * @param blocks the message as people see it in the channel
 * @param broadcast whether a reply in the run's thread is also shown in the channel (approvals and
 *     outcomes: what the whole channel should notice)
 */
public record SlackMessage(String text, List<LayoutBlock> blocks, boolean broadcast) {
  public SlackMessage {
    blocks = List.copyOf(blocks);
  }
}
