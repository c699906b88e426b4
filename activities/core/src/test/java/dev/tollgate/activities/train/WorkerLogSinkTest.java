package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tollgate.activities.train.command.LogSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A command's output lines reach the worker log from the runner's own threads with the activity
 * thread's MDC (Temporal's WorkflowId, the interceptor's fields) plus model, run and stage.
 */
class WorkerLogSinkTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.tollgate.training.command");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @AfterEach
  void tearDown() {
    logger.detachAppender(lines);
    MDC.clear();
  }

  @Test
  void linesFromAnotherThreadCarryTheActivitysFields() throws Exception {
    lines.start();
    logger.addAppender(lines);
    MDC.put("WorkflowId", "pipeline/churn/r7");
    WorkerLogSink sink = new WorkerLogSink("churn", "r7");
    MDC.clear();

    Thread pump = Thread.ofPlatform().start(() -> sink.line(LogSink.Stream.STDERR, "epoch 3"));
    pump.join();

    assertThat(lines.list).hasSize(1);
    ILoggingEvent event = lines.list.getFirst();
    assertThat(event.getFormattedMessage()).isEqualTo("err epoch 3");
    assertThat(event.getMDCPropertyMap())
        .containsEntry("WorkflowId", "pipeline/churn/r7")
        .containsEntry("model", "churn")
        .containsEntry("run", "r7")
        .containsEntry("stage", "train");
    assertThat(MDC.getCopyOfContextMap()).as("this thread's MDC untouched").isNullOrEmpty();
  }
}
