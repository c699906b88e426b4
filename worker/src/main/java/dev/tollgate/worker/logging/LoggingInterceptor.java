package dev.tollgate.worker.logging;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import org.slf4j.MDC;

/**
 * Adds {@link LogFields#MODEL} and {@link LogFields#STAGE} to the MDC that Temporal's SDK already
 * fills ({@code WorkflowId}, {@code RunId}, {@code ActivityType}, ...), so every line an activity
 * logs says which model and stage it is about. Workflow threads get the model only: a workflow
 * moves through stages, and its lines already say which in their text. The workflow side touches
 * the MDC alone (a thread-local, no I/O), so it is safe on replay.
 *
 * <p>Lines from threads an activity starts itself (XGBoost's, an HTTP client's) do not inherit the
 * MDC.
 */
public final class LoggingInterceptor extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityInfo info;

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        String model = LogFields.modelOf(info.getWorkflowId(), input.getArguments());
        try (var m = LogFields.put(LogFields.MODEL, model);
            var s = LogFields.put(LogFields.STAGE, LogFields.stageOf(info.getActivityType()))) {
          return super.execute(input);
        }
      }
    };
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void init(WorkflowOutboundCallsInterceptor outbound) {
        super.init(new ChildThreadsKeepModel(outbound));
      }

      @Override
      public WorkflowOutput execute(WorkflowInput input) {
        String model = LogFields.modelOf(Workflow.getInfo().getWorkflowId(), input.getArguments());
        try (var m = LogFields.put(LogFields.MODEL, model)) {
          return super.execute(input);
        }
      }

      /**
       * A signal that arrives with the run's first workflow task is handled before the workflow
       * method starts, outside any thread that carries the model: it gets its own.
       */
      @Override
      public void handleSignal(SignalInput input) {
        try (var m =
            LogFields.put(LogFields.MODEL, LogFields.modelOf(Workflow.getInfo().getWorkflowId()))) {
          super.handleSignal(input);
        }
      }

      /** Signal and update handlers run on threads of their own. */
      @Override
      public Object newCallbackThread(Runnable runnable, String name) {
        return super.newCallbackThread(
            () -> {
              try (var m =
                  LogFields.put(
                      LogFields.MODEL, LogFields.modelOf(Workflow.getInfo().getWorkflowId()))) {
                runnable.run();
              }
            },
            name);
      }
    };
  }

  /** {@code Async.function} and {@code Workflow.newThread}: the model of the thread that forks. */
  private static final class ChildThreadsKeepModel extends WorkflowOutboundCallsInterceptorBase {
    ChildThreadsKeepModel(WorkflowOutboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public Object newChildThread(Runnable runnable, boolean detached, String name) {
      String model = MDC.get(LogFields.MODEL);
      return super.newChildThread(
          () -> {
            try (var m = LogFields.put(LogFields.MODEL, model)) {
              runnable.run();
            }
          },
          detached,
          name);
    }
  }
}
