package dev.tollgate.adapters.aws.s3;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One test's view of moto: a fresh bucket, a recording proxy in front of moto, and an {@link
 * S3Access} configured as a worker would be (endpoint override, path style, region) but pointed at
 * the proxy, so every SDK call is seen.
 */
public final class S3TestBucket implements AutoCloseable {
  private final RecordingS3Proxy proxy;
  private final S3Access access;
  private final String bucket;

  public S3TestBucket(MotoServer moto) throws IOException {
    this.proxy = new RecordingS3Proxy(moto.endpoint());
    this.access = new S3Access(new S3Settings(proxy.endpoint(), "eu-west-1", true, 4));
    this.bucket = "tollgate-" + UUID.randomUUID().toString().substring(0, 8);
    client()
        .createBucket(
            b ->
                b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
    proxy.clear();
  }

  public S3Client client() {
    return access.client();
  }

  public S3Access access() {
    return access;
  }

  public RecordingS3Proxy proxy() {
    return proxy;
  }

  public String bucket() {
    return bucket;
  }

  /** {@code s3://<bucket>/<key>} */
  public String uri(String key) {
    return "s3://" + bucket + "/" + key;
  }

  public URI endpoint() {
    return proxy.endpoint();
  }

  @Override
  public void close() {
    access.close();
    proxy.close();
  }
}
