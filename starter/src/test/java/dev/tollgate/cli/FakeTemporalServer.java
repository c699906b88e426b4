package dev.tollgate.cli;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * A stand-in for a Temporal frontend on 127.0.0.1 that passes the CLI's health check and then
 * answers every WorkflowService call with one gRPC status (and its Temporal failure detail): what a
 * real server says for a missing namespace, a refused key or a denied permission, without needing
 * one configured that way. With a key store it speaks TLS.
 */
public final class FakeTemporalServer implements AutoCloseable {
  private final Server server;

  private FakeTemporalServer(Server server) {
    this.server = server;
  }

  /** Every WorkflowService call but GetSystemInfo fails with {@code status} and {@code detail}. */
  public static FakeTemporalServer failing(Status status, Message detail) throws IOException {
    return start(status, detail, null);
  }

  /** A TLS server (certificate from {@code keys}) whose calls fail with {@code status}. */
  public static FakeTemporalServer tls(Status status, KeyManagerFactory keys) throws IOException {
    return start(status, null, keys);
  }

  /** Answers a visibility query with {@code runs}, as a real server with these runs does. */
  public static FakeTemporalServer listing(List<WorkflowExecutionInfo> runs) throws IOException {
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus("temporal.api.workflowservice.v1.WorkflowService", ServingStatus.SERVING);
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(health.getHealthService())
            .addService(new Listing(runs))
            .build()
            .start();
    return new FakeTemporalServer(server);
  }

  private static FakeTemporalServer start(Status status, Message detail, KeyManagerFactory keys)
      throws IOException {
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus("temporal.api.workflowservice.v1.WorkflowService", ServingStatus.SERVING);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(health.getHealthService())
            .addService(
                ServerInterceptors.intercept(new SystemInfoOnly(), failWith(status, detail)));
    if (keys != null)
      builder.sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(keys)).build());
    return new FakeTemporalServer(builder.build().start());
  }

  public String address() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  private static ServerInterceptor failWith(Status status, Message detail) {
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        if (call.getMethodDescriptor().getBareMethodName().equals("GetSystemInfo")) {
          return next.startCall(call, headers);
        }
        Metadata trailers = new Metadata();
        if (detail != null) {
          com.google.rpc.Status rich =
              com.google.rpc.Status.newBuilder()
                  .setCode(status.getCode().value())
                  .setMessage(status.getDescription() == null ? "" : status.getDescription())
                  .addDetails(Any.pack(detail))
                  .build();
          trailers = StatusProto.toStatusRuntimeException(rich).getTrailers();
        }
        call.close(status, trailers);
        return new ServerCall.Listener<>() {};
      }
    };
  }

  /** The namespace exists, and its visibility store holds {@code runs}. */
  private static final class Listing extends SystemInfoOnly {
    private final List<WorkflowExecutionInfo> runs;

    Listing(List<WorkflowExecutionInfo> runs) {
      this.runs = runs;
    }

    @Override
    public void describeNamespace(
        DescribeNamespaceRequest request, StreamObserver<DescribeNamespaceResponse> answer) {
      answer.onNext(DescribeNamespaceResponse.getDefaultInstance());
      answer.onCompleted();
    }

    @Override
    public void listWorkflowExecutions(
        ListWorkflowExecutionsRequest request,
        StreamObserver<ListWorkflowExecutionsResponse> answer) {
      answer.onNext(ListWorkflowExecutionsResponse.newBuilder().addAllExecutions(runs).build());
      answer.onCompleted();
    }
  }

  /** Answers GetSystemInfo, as every server does; the interceptor fails the rest. */
  private static class SystemInfoOnly extends WorkflowServiceGrpc.WorkflowServiceImplBase {
    @Override
    public void getSystemInfo(
        GetSystemInfoRequest request, StreamObserver<GetSystemInfoResponse> answer) {
      answer.onNext(GetSystemInfoResponse.getDefaultInstance());
      answer.onCompleted();
    }
  }
}
