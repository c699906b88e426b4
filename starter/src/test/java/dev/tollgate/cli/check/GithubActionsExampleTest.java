package dev.tollgate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.cli.TollgateCli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * examples/ci/github-actions.yml parses, checks on pull requests and runs on pushes to main, and
 * every tollgate command line in it names a command and options this CLI has: renaming an option
 * fails here, not in someone's pipeline.
 */
class GithubActionsExampleTest {
  private static final Path FILE =
      Path.of("..").toAbsolutePath().normalize().resolve("examples/ci/github-actions.yml");
  private static final Pattern CALL =
      Pattern.compile("tollgate\\.jar\\s+(\\w+)((?:\\\\\\n|[^\\n])*)");

  @Test
  void checksPullRequestsAndRunsPushesToMain() throws IOException {
    JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());

    JsonNode on = workflow.get("on");
    assertThat(on.has("pull_request")).isTrue();
    assertThat(on.at("/push/branches").toString()).contains("\"main\"");
    assertThat(commands(workflow.at("/jobs/check"))).containsExactly("check");
    assertThat(commands(workflow.at("/jobs/run"))).containsExactly("run");
    assertThat(workflow.at("/jobs/run/env/TEMPORAL_ADDRESS").asText()).contains("secrets.");
  }

  @Test
  void everyCommandLineNamesACommandAndOptionsThatExist() throws IOException {
    JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
    CommandLine cli = TollgateCli.commandLine();
    List<String> calls = new ArrayList<>();
    List<String> options = new ArrayList<>();
    for (JsonNode job : workflow.get("jobs")) {
      for (JsonNode step : job.get("steps")) {
        Matcher m = CALL.matcher(step.path("run").asText());
        while (m.find()) {
          String command = m.group(1);
          calls.add(command);
          CommandLine sub = cli.getSubcommands().get(command);
          assertThat(sub).as("tollgate " + command).isNotNull();
          Matcher option = Pattern.compile("(?<=\\s)--[a-z-]+").matcher(m.group(2));
          while (option.find()) {
            options.add(command + " " + option.group());
            assertThat(sub.getCommandSpec().findOption(option.group()))
                .as("tollgate " + command + " " + option.group())
                .isNotNull();
          }
        }
      }
    }
    assertThat(calls).containsExactly("check", "run");
    assertThat(options) // the lines continued with a backslash were read too
        .contains("check --spec", "run --run-id", "run --wait", "run --summary-md");
  }

  private static List<String> commands(JsonNode job) {
    List<String> found = new ArrayList<>();
    for (JsonNode step : job.get("steps")) {
      Matcher m = CALL.matcher(step.path("run").asText());
      while (m.find()) found.add(m.group(1));
    }
    return found;
  }
}
