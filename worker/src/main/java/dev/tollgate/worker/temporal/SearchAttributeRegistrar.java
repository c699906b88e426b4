package dev.tollgate.worker.temporal;

import dev.tollgate.pipeline.SearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Tollgate's search attributes exist before any workflow upserts them: a workflow that
 * upserts an unknown attribute fails its workflow tasks over and over, so a worker that cannot
 * register them refuses to start, saying how an operator can create them.
 */
final class SearchAttributeRegistrar {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private SearchAttributeRegistrar() {}

  static void ensureRegistered(WorkflowServiceStubs stubs, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      for (SearchAttributeKey<?> key : SearchAttributes.ALL) {
        register(operator, namespace, key);
      }
    } finally {
      operator.shutdown();
    }
  }

  private static void register(
      OperatorServiceStubs operator, String namespace, SearchAttributeKey<?> key) {
    try {
      operator
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(namespace)
                  .putSearchAttributes(key.getName(), key.getValueType())
                  .build());
      log.info("search attribute {} ({}) is registered", key.getName(), typeName(key));
    } catch (StatusRuntimeException e) {
      if (alreadyThere(e)) {
        log.debug("search attribute {} already registered", key.getName());
        return;
      }
      throw new IllegalStateException(
          "cannot register search attribute "
              + key.getName()
              + " in namespace "
              + namespace
              + " ("
              + e.getStatus().getCode()
              + ": "
              + e.getStatus().getDescription()
              + "). Ask the server's operator to create Tollgate's attributes, e.g. `temporal"
              + " operator search-attribute create --namespace "
              + namespace
              + " --name "
              + key.getName()
              + " --type "
              + typeName(key)
              + "` (repeat for TollgateModel, TollgateStage, TollgateOutcome, TollgateTrigger,"
              + " TollgateCommit: Keyword; TollgateModelVersion: Int), then start the worker"
              + " again.",
          e);
    }
  }

  private static boolean alreadyThere(StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    String text = String.valueOf(e.getStatus().getDescription()).toLowerCase(Locale.ROOT);
    return code == Status.Code.ALREADY_EXISTS
        || (code == Status.Code.INVALID_ARGUMENT && text.contains("already"));
  }

  private static String typeName(SearchAttributeKey<?> key) {
    return switch (key.getValueType()) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      default -> key.getValueType().name();
    };
  }
}
