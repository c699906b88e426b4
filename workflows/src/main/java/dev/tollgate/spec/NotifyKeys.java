package dev.tollgate.spec;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code notify}: which events are sent, to a webhook and to Slack. */
final class NotifyKeys {
  private NotifyKeys() {}

  static NotifySpec read(YamlSection s) {
    if (s == null) return new NotifySpec(null);
    s.rejectUnknownKeys(Set.of("slack", "on", "webhook"));
    List<String> given = s.distinctStrings("on", false);
    List<String> on = new java.util.ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      // any case, as every enum of the spec
      String event = given.get(i).strip().toLowerCase(java.util.Locale.ROOT);
      if (!NotifySpec.EVENTS.contains(event)) {
        throw new SpecException(
            s.file(),
            s.key("on") + "[" + i + "]",
            "expected one of " + NotifySpec.EVENTS + " (any case), got '" + given.get(i) + "'");
      }
      if (on.contains(event)) {
        throw new SpecException(
            s.file(), s.key("on") + "[" + i + "]", "'" + event + "' is listed twice");
      }
      on.add(event);
    }
    String webhook = null;
    YamlSection w = s.section("webhook", false);
    if (w != null) {
      w.rejectUnknownKeys(Set.of("url"));
      webhook = w.string("url", true);
      if (!webhook.startsWith("https://") && !webhook.startsWith("http://")) {
        throw w.error("url", "expected an http:// or https:// URL, got '" + webhook + "'");
      }
    }
    YamlSection slack = s.section("slack", false);
    if (slack == null) return new NotifySpec(null, null, on, webhook);
    slack.rejectUnknownKeys(Set.of("channel", "approvers"));
    Map<String, String> approvers = new LinkedHashMap<>();
    YamlSection a = slack.section("approvers", false);
    if (a != null) {
      for (Iterator<String> it = a.keys(); it.hasNext(); ) {
        String user = it.next();
        if (!user.matches("[UW][A-Z0-9]{2,20}")) {
          throw a.error(user, "expected a Slack user id such as U024BE7LH as the key");
        }
        approvers.put(user, a.string(user, true));
      }
    }
    return new NotifySpec(slack.string("channel", true), approvers, on, webhook);
  }
}
