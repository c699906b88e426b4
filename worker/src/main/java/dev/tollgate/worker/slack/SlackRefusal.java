package dev.tollgate.worker.slack;

/**
 * Why a click from Slack decides nothing, in words for the person who clicked: they see it as an
 * ephemeral message (or under the modal's reason field), never in the channel.
 */
final class SlackRefusal extends RuntimeException {
  SlackRefusal(String message) {
    super(message, null, false, false);
  }
}
