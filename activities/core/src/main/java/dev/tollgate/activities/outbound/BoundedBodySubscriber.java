package dev.tollgate.activities.outbound;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body read up to a bound, for the adapters on the JDK's asynchronous HTTP client
 * (Ray's Jobs API, GitHub's REST API): what a misbehaving or hostile server sends past it is not
 * kept (the subscription is cancelled, which closes the connection). The JDK's own {@code
 * BodyHandlers.limiting} arrived in 25; the modules are built for 21.
 */
public final class BoundedBodySubscriber implements BodySubscriber<BoundedBodySubscriber.Bytes> {
  /** The body, and whether it went past the bound (then {@code bytes} is only its start). */
  public record Bytes(byte[] bytes, boolean truncated) {}

  private final int limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CompletableFuture<Bytes> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  public BoundedBodySubscriber(int limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<Bytes> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) return;
    for (ByteBuffer buffer : buffers) {
      int room = limit - kept.size();
      if (buffer.remaining() > room) {
        byte[] part = new byte[room];
        buffer.get(part);
        kept.write(part, 0, room);
        result.complete(new Bytes(kept.toByteArray(), true));
        subscription.cancel();
        return;
      }
      byte[] all = new byte[buffer.remaining()];
      buffer.get(all);
      kept.write(all, 0, all.length);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(new Bytes(kept.toByteArray(), false));
  }
}
