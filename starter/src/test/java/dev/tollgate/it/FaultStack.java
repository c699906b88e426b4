package dev.tollgate.it;

import dev.tollgate.adapters.aws.s3.MotoServer;
import dev.tollgate.adapters.aws.s3.RecordingS3Proxy;
import dev.tollgate.adapters.aws.s3.S3TestBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the fault tests put around a worker: moto as its artifact store, reached through a proxy
 * that can fail or hold requests, and a webhook receiver for its notifications. The worker gets the
 * store through its environment, as a deployment would.
 */
final class FaultStack implements AutoCloseable {
  private static final String KEY = "tollgate-fault-test";

  private final MotoServer moto;
  private final S3TestBucket bucket;
  private final WebhookReceiver webhook = new WebhookReceiver();

  private FaultStack(MotoServer moto, S3TestBucket bucket) {
    this.moto = moto;
    this.bucket = bucket;
  }

  static FaultStack start() {
    // moto takes any credentials; the SDK's default chain needs some, in this JVM and the worker's.
    System.setProperty("aws.accessKeyId", KEY);
    System.setProperty("aws.secretAccessKey", KEY);
    try {
      MotoServer moto = MotoServer.start();
      return new FaultStack(moto, new S3TestBucket(moto));
    } catch (Exception e) {
      throw new IllegalStateException("moto could not be started for the fault tests", e);
    }
  }

  RecordingS3Proxy s3() {
    return bucket.proxy();
  }

  WebhookReceiver webhook() {
    return webhook;
  }

  /**
   * The worker's settings: artifacts in the bucket, through the proxy; the webhook receiver's host
   * (127.0.0.1) on the allow-list of hosts a spec may reach, as an operator would put it there.
   */
  Map<String, String> workerEnv() {
    return Map.of(
        "TOLLGATE_OUTBOUND_ALLOWED_HOSTS",
        "127.0.0.1",
        "TOLLGATE_ARTIFACTS",
        "s3://" + bucket.bucket() + "/tollgate",
        "TOLLGATE_S3_ENDPOINT",
        bucket.endpoint().toString(),
        "TOLLGATE_S3_REGION",
        "eu-west-1",
        "TOLLGATE_S3_PATH_STYLE",
        "true",
        "AWS_ACCESS_KEY_ID",
        KEY,
        "AWS_SECRET_ACCESS_KEY",
        KEY);
  }

  /** The keys under the store's prefix, read from moto directly (not through the proxy). */
  List<String> keys(String under) {
    List<String> keys = new ArrayList<>();
    bucket
        .client()
        .listObjectsV2Paginator(b -> b.bucket(bucket.bucket()).prefix("tollgate/" + under))
        .contents()
        .stream()
        .map(S3Object::key)
        .forEach(keys::add);
    return keys;
  }

  @Override
  public void close() {
    webhook.close();
    bucket.close();
    moto.close();
  }
}
