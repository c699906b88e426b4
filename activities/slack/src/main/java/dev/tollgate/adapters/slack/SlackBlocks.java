package dev.tollgate.adapters.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import java.util.List;

/**
 * The few Block Kit blocks Tollgate's messages are made of, cut to Slack's limits (a header's 150
 * characters, a section's 3000, ten fields of 2000), which otherwise fail the whole message with
 * {@code invalid_blocks}.
 */
final class SlackBlocks {
  static final int HEADER_MAX = 150;
  static final int SECTION_MAX = 3000;
  static final int FIELD_MAX = 2000;
  static final int FIELDS_MAX = 10;

  private SlackBlocks() {}

  static LayoutBlock header(String text) {
    return Blocks.header(h -> h.text(plainText(cut(text, HEADER_MAX), true)));
  }

  /** A section of mrkdwn the caller escaped. */
  static LayoutBlock text(String mrkdwn) {
    return Blocks.section(s -> s.text(markdownText(cut(mrkdwn, SECTION_MAX))));
  }

  /** Two columns of short mrkdwn pairs ("*rmse*\n25.8"). */
  static LayoutBlock fields(List<String> mrkdwn) {
    List<TextObject> fields =
        mrkdwn.stream()
            .limit(FIELDS_MAX)
            .map(f -> (TextObject) markdownText(cut(f, FIELD_MAX)))
            .toList();
    return Blocks.section(s -> s.fields(fields));
  }

  /** Small grey print under a message: ids, how to act from a terminal. */
  static LayoutBlock context(String mrkdwn) {
    List<ContextBlockElement> elements = List.of(markdownText(cut(mrkdwn, SECTION_MAX)));
    return Blocks.context(elements);
  }

  /**
   * Preformatted text (the boxed validation summary). Too long a box loses its last lines, not its
   * fence, so it still renders as a box; the full text is in the reports.
   */
  static LayoutBlock preformatted(String text) {
    String fence = "```";
    String marker = "\n… (cut: the reports have the rest)";
    int room = SECTION_MAX - 2 * fence.length() - 2;
    String body = Mrkdwn.escape(text.stripTrailing()).replace(fence, "'''");
    if (body.length() > room) body = body.substring(0, room - marker.length()) + marker;
    String fenced = fence + "\n" + body + "\n" + fence;
    return Blocks.section(s -> s.text(markdownText(fenced)));
  }

  static LayoutBlock divider() {
    return Blocks.divider();
  }

  static String cut(String s, int max) {
    if (s.length() <= max) return s;
    return s.substring(0, max - 1) + "…";
  }
}
