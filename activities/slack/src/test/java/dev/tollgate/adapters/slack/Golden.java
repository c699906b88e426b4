package dev.tollgate.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of Slack messages, {@code src/test/resources/slack-golden/<name>.json}: the message
 * as the SDK serializes it, pretty-printed. After a deliberate change to a message, regenerate them
 * with {@code -Dgolden.update=true} and review the diff.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/slack-golden");

  private static final Gson PRETTY =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private Golden() {}

  /** The message as JSON: what chat.postMessage and an incoming webhook receive. */
  static String json(SlackMessage m) {
    // the SDK's own Gson: the same field names and shapes as on the wire
    Gson slack = GsonFactory.createSnakeCase();
    JsonObject o = new JsonObject();
    o.addProperty("text", m.text());
    o.addProperty("broadcast", m.broadcast());
    o.add("blocks", slack.toJsonTree(m.blocks()));
    return pretty(o);
  }

  static String pretty(String json) {
    return pretty(JsonParser.parseString(json));
  }

  private static String pretty(JsonElement e) {
    return PRETTY.toJson(e) + "\n";
  }

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
    assertThat(actual)
        .as("%s differs from its golden file; -Dgolden.update=true rewrites it", name)
        .isEqualTo(pretty(Files.readString(file, StandardCharsets.UTF_8)));
  }
}
