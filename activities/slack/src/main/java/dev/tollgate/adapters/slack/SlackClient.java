package dev.tollgate.adapters.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import okhttp3.OkHttpClient;

/**
 * The Slack SDK configured so that Temporal alone retries. The SDK's blocking client (1.51) has no
 * retry handler of its own (only the async client queues and retries 429s), but two things would
 * still act behind Temporal's back: OkHttp silently re-sends a request after some connection
 * failures (a message could be posted twice, outside the delivery record), and "stats" make the
 * client call {@code auth.test} before the first request and keep rate-limit metrics in background
 * threads. Both are off. Posting (the notify sink) and answering clicks (the worker's Bolt app)
 * share it.
 */
public final class SlackClient {
  /** Connect, write and read together: a stuck call fails and is retried, it does not hang. */
  private static final int CALL_TIMEOUT_MILLIS = 30_000;

  private SlackClient() {}

  /**
   * @param apiUrl the Web API's URL prefix, ending in a slash ({@link SlackSettings#apiUrl()})
   */
  public static Slack create(String apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    config.setPrettyResponseLoggingEnabled(false);
    config.setHttpClientCallTimeoutMillis(CALL_TIMEOUT_MILLIS);
    OkHttpClient okHttp =
        SlackHttpClient.buildOkHttpClient(config)
            .newBuilder()
            .retryOnConnectionFailure(false)
            .build();
    SlackHttpClient http = new SlackHttpClient(okHttp);
    http.setConfig(config);
    return Slack.getInstance(config, http);
  }
}
