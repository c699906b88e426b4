package dev.tollgate.adapters.aws.s3;

import dev.tollgate.activities.objects.S3Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A multipart upload over the blocking client, part by part from a stream: memory stays at one
 * part, and the SDK retries a failed part on its own. An upload that fails is aborted, so S3 does
 * not keep (and bill) orphaned parts.
 */
final class S3Multipart {
  /** S3 wants at least 5 MiB per part but the last; 16 MiB keeps part counts low. */
  static final int PART_SIZE = 16 * 1024 * 1024;

  private S3Multipart() {}

  static void upload(S3Client s3, S3Location at, InputStream in, Map<String, String> metadata) {
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(at.bucket()).key(at.key()).metadata(metadata))
            .uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      byte[] buffer = new byte[PART_SIZE];
      while (true) {
        int size = in.readNBytes(buffer, 0, PART_SIZE);
        if (size == 0 && !parts.isEmpty()) {
          break; // the content was an exact multiple of the part size
        }
        int number = parts.size() + 1;
        String etag =
            s3.uploadPart(
                    b ->
                        b.bucket(at.bucket())
                            .key(at.key())
                            .uploadId(uploadId)
                            .partNumber(number)
                            .contentLength((long) size),
                    RequestBody.fromBytes(Arrays.copyOf(buffer, size)))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        if (size < PART_SIZE) {
          break; // a short part is the last one
        }
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(at.bucket())
                  .key(at.key())
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(parts)));
    } catch (IOException | RuntimeException e) {
      abortQuietly(s3, at, uploadId, e);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot read the content for " + at, io);
      }
      throw (RuntimeException) e;
    }
  }

  private static void abortQuietly(S3Client s3, S3Location at, String uploadId, Exception cause) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(at.bucket()).key(at.key()).uploadId(uploadId));
    } catch (RuntimeException e) {
      cause.addSuppressed(e); // the upload's own failure is the one worth reporting
    }
  }
}
