package dev.tollgate.activities.tools;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One request a local test server holds: the first one {@code matcher} accepts waits, in the
 * server's thread, until the test releases it. The fault tests use it to know a stage is in the
 * middle of a call (to S3, to a webhook) when they kill the worker.
 */
public final class RequestHold {
  private final Predicate<String> matcher;
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile String request;

  /** {@code matcher} sees what the server says a request is ("PUT /bucket/key", a JSON body). */
  public RequestHold(Predicate<String> matcher) {
    this.matcher = matcher;
  }

  /** Waits until the request is being held; what it was, or fails after {@code limit}. */
  public String awaitArrived(Duration limit) throws InterruptedException {
    if (!arrived.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("no request matching the hold arrived within " + limit);
    }
    return request;
  }

  /** Lets the held request go on (to a client that may have died in the meantime). */
  public void release() {
    released.countDown();
  }

  /**
   * For the server: whether this hold takes {@code what} (the first match only); if so, the server
   * calls {@link #hold()} next.
   */
  public synchronized boolean claims(String what) {
    if (request != null || !matcher.test(what)) return false;
    request = what;
    return true;
  }

  /** For the server, after {@link #claims}: blocks until {@link #release()}. */
  public void hold() throws InterruptedException {
    arrived.countDown();
    released.await();
  }
}
