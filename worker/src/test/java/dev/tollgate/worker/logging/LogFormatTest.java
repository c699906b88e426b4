package dev.tollgate.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * logback-spring.xml as Spring Boot loads it, in both formats: text keeps Spring Boot's own line,
 * json writes one object a line with the MDC (Temporal's keys and Tollgate's model and stage).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTest {
  private static final Logger log = LoggerFactory.getLogger("dev.tollgate.probe");
  private final LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());

  /** Spring Boot's own start-up sequence; cleanUp first, or it skips a context it has set up. */
  private void configure(MockEnvironment env) {
    system.cleanUp();
    system.beforeInitialize();
    system.initialize(
        new LoggingInitializationContext(env), "classpath:logback-spring.xml", LogFile.get(env));
  }

  /** As an activity's line: the SDK's keys, then the interceptor's. */
  private static void logInActivity(String message) {
    MDC.put("WorkflowId", "pipeline/energy-load/r7");
    MDC.put("RunId", "0b6c2f0e-run");
    MDC.put("ActivityType", "Train");
    try (var m = LogFields.put(LogFields.MODEL, "energy-load");
        var s = LogFields.put(LogFields.STAGE, "train")) {
      log.info(message);
    } finally {
      MDC.clear();
    }
  }

  /** Spring Boot hands the settings to logback as system properties, which outlive a test. */
  private final Properties systemProperties = (Properties) System.getProperties().clone();

  @AfterEach
  void backToTheDefault() {
    System.setProperties(systemProperties);
    configure(new MockEnvironment());
    system.cleanUp();
  }

  @Test
  void jsonLinesCarryTheRunModelAndStage(CapturedOutput output, @TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("worker.log");
    configure(
        new MockEnvironment()
            .withProperty("tollgate.log.format", "json")
            .withProperty("logging.file.name", file.toString()));

    logInActivity("trained \"energy-load\" v3");

    String line =
        output.getOut().lines().filter(l -> l.contains("trained")).findFirst().orElseThrow();
    List<String> fileLines = Files.readAllLines(file);
    assertThat(fileLines).hasSize(1);
    for (String json : List.of(line, fileLines.get(0))) {
      JsonNode event = new ObjectMapper().readTree(json);
      assertThat(event.get("message").asText()).isEqualTo("trained \"energy-load\" v3");
      assertThat(event.get("level").asText()).isEqualTo("INFO");
      assertThat(event.get("logger_name").asText()).isEqualTo("dev.tollgate.probe");
      assertThat(event.get("WorkflowId").asText()).isEqualTo("pipeline/energy-load/r7");
      assertThat(event.get("RunId").asText()).isEqualTo("0b6c2f0e-run");
      assertThat(event.get("model").asText()).isEqualTo("energy-load");
      assertThat(event.get("stage").asText()).isEqualTo("train");
      assertThat(event.has("@timestamp")).isTrue();
    }
  }

  @Test
  void textIsSpringBootsOwnLineAndWritesNoFileUnlessAsked(CapturedOutput output) {
    configure(new MockEnvironment());

    logInActivity("trained v3");

    String line =
        output.getOut().lines().filter(l -> l.contains("trained v3")).findFirst().orElseThrow();
    // Spring Boot's default console pattern: time, level, pid, thread, logger, then the message.
    assertThat(line)
        .matches("\\S+T\\S+\\s+INFO \\d+ --- \\[.*\\] .*dev\\.tollgate\\.probe\\s+: trained v3");
    assertThat(System.getProperty("LOG_FILE")).isNull();
  }

  @Test
  void theDemosSettingsStillHold(CapturedOutput output, @TempDir Path dir) throws IOException {
    // What starter's WorkerLauncher passes for `tollgate demo`: a text file, nothing on the
    // console.
    Path file = dir.resolve("worker.log");
    configure(
        new MockEnvironment()
            .withProperty("logging.threshold.console", "OFF")
            .withProperty("logging.file.name", file.toString()));

    logInActivity("trained quietly");

    assertThat(output.getOut()).doesNotContain("trained quietly");
    assertThat(Files.readString(file)).contains("dev.tollgate.probe").contains(": trained quietly");
  }
}
