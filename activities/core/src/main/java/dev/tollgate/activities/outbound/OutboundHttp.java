package dev.tollgate.activities.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client for URLs that come from a spec: the webhook, MLflow and an ECS service's
 * smoke test all go through it. Each call is checked by {@link OutboundPolicy} before anything is
 * sent, and each connection goes only to addresses the policy checked ({@link PinnedResolver});
 * redirects are not followed (a 3xx is the answer); no proxy, cookies, retries or compression;
 * answers are read up to the call's bound and the rest dropped with the connection.
 */
public final class OutboundHttp implements AutoCloseable {
  private static final Timeout CONNECT = Timeout.ofSeconds(5);

  private final OutboundPolicy policy;
  private final CloseableHttpClient client;

  public OutboundHttp(OutboundPolicy policy) {
    this.policy = policy;
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new PinnedResolver(policy))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom().setConnectTimeout(CONNECT).build())
                    .setMaxConnTotal(32)
                    .setMaxConnPerRoute(8)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries() // the activity's retry policy decides
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent("tollgate")
            .build();
  }

  public OutboundPolicy policy() {
    return policy;
  }

  /** Calls for the URL a spec gave under {@code key}, refusals naming that key. */
  public HttpExchange forKey(String key) {
    return call -> send(key, call);
  }

  /**
   * Sends {@code call} to the spec's URL under {@code key}.
   *
   * @throws OutboundRefused before any connection, when the policy refuses the URL
   * @throws IOException no answer within the call's timeout, or none at all
   */
  public HttpAnswer send(String key, HttpCall call) throws IOException {
    policy.check(key, call.uri()); // the clear refusal before anything is sent
    HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
    call.headers().forEach(request::setHeader);
    if (call.body() != null) request.setEntity(new ByteArrayEntity(call.body(), null));
    Timeout timeout = Timeout.of(call.timeout());
    request.setConfig(
        RequestConfig.custom()
            .setResponseTimeout(timeout)
            .setConnectionRequestTimeout(timeout)
            .build());
    long deadline = System.nanoTime() + call.timeout().toNanos();
    ClassicHttpResponse response;
    try {
      response = client.executeOpen(null, request, null);
    } catch (IOException e) {
      request.cancel();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof PinnedResolver.Refused r) throw r.refusal.forKey(key);
      }
      throw e;
    }
    boolean whole = false;
    try {
      Map<String, String> headers = new HashMap<>();
      for (Header h : response.getHeaders()) {
        headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
      }
      HttpEntity entity = response.getEntity();
      BoundedBody.Read read = new BoundedBody.Read(new byte[0], false);
      if (entity == null) {
        whole = true;
      } else if (call.maxBytes() > 0) {
        InputStream in = entity.getContent();
        read = BoundedBody.read(in, call.maxBytes(), deadline);
        whole = !read.truncated();
      }
      return new HttpAnswer(response.getCode(), headers, read.bytes(), read.truncated());
    } finally {
      if (whole) {
        response.close(); // read to its end: the connection goes back to the pool
      } else {
        // Closing would read the rest of the body to reuse the connection: drop it instead.
        request.cancel();
        closeDropped(response);
      }
    }
  }

  private static void closeDropped(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException expected) {
      // the connection is gone already: closing it found nothing left to read
    }
  }

  @Override
  public void close() {
    client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
  }
}
