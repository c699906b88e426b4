package dev.tollgate.adapters.aws.s3;

import dev.tollgate.activities.objects.ObjectSource;
import dev.tollgate.activities.objects.S3Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The few S3 calls Tollgate makes, with "no such object" as an empty answer rather than an
 * exception, so each caller decides what a missing object means (bad data, a lost artifact). Every
 * object Tollgate writes carries the SHA-256 of its bytes as user metadata, which is how a second
 * write of the same content is recognised without downloading anything.
 */
public final class S3Objects {
  /** User metadata key (sent as {@code x-amz-meta-sha256}). */
  public static final String SHA256 = "sha256";

  /** Above this size a file goes up in parts: one failed part is retried, not the whole file. */
  public static final long MULTIPART_THRESHOLD = 16L * 1024 * 1024;

  private final S3Client s3;

  public S3Objects(S3Client s3) {
    this.s3 = s3;
  }

  public Optional<HeadObjectResponse> head(S3Location at) {
    try {
      return Optional.of(s3.headObject(b -> b.bucket(at.bucket()).key(at.key())));
    } catch (S3Exception e) {
      return absent(e);
    }
  }

  public Optional<byte[]> get(S3Location at) {
    try {
      return Optional.of(
          s3.getObjectAsBytes(b -> b.bucket(at.bucket()).key(at.key())).asByteArray());
    } catch (S3Exception e) {
      return absent(e);
    }
  }

  /** Copies the object to {@code target} (written aside, then renamed); false when missing. */
  public boolean download(S3Location at, Path target) {
    return download(at, target, length -> {});
  }

  /**
   * As above, {@code announced} first shown the length the response declares (when it declares
   * one), before a byte of the body is read: it may throw to refuse the object, and the connection
   * is then dropped instead of drained.
   */
  public boolean download(S3Location at, Path target, java.util.function.LongConsumer announced) {
    Path tmp = target.resolveSibling(target.getFileName() + ".part");
    try (ResponseInputStream<GetObjectResponse> in =
        s3.getObject(b -> b.bucket(at.bucket()).key(at.key()))) {
      Long length = in.response().contentLength();
      if (length != null) {
        try {
          announced.accept(length);
        } catch (RuntimeException refused) {
          in.abort();
          throw refused;
        }
      }
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (S3Exception e) {
      return absent(e).isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download " + at + " to " + target, e);
    }
  }

  /**
   * Every object whose key starts with {@code prefix}'s key, in key order, through as many
   * ListObjectsV2 pages as it takes (1,000 keys a page); empty for a missing bucket.
   */
  public java.util.List<ObjectSource.Listed> list(S3Location prefix) {
    java.util.List<ObjectSource.Listed> out = new java.util.ArrayList<>();
    try {
      for (var page :
          s3.listObjectsV2Paginator(b -> b.bucket(prefix.bucket()).prefix(prefix.key()))) {
        for (var object : page.contents()) {
          out.add(
              new ObjectSource.Listed(
                  new S3Location(prefix.bucket(), object.key()),
                  object.size(),
                  object.lastModified()));
        }
      }
    } catch (S3Exception e) {
      absent(e); // a missing bucket (404) lists nothing; anything else goes up to be retried
      return java.util.List.of();
    }
    return out;
  }

  public void put(S3Location at, byte[] bytes, String sha256) {
    if (bytes.length > MULTIPART_THRESHOLD) {
      S3Multipart.upload(s3, at, new java.io.ByteArrayInputStream(bytes), Map.of(SHA256, sha256));
      return;
    }
    s3.putObject(
        b -> b.bucket(at.bucket()).key(at.key()).metadata(Map.of(SHA256, sha256)),
        RequestBody.fromBytes(bytes));
  }

  public void put(S3Location at, Path file, String sha256) {
    try {
      if (Files.size(file) <= MULTIPART_THRESHOLD) {
        s3.putObject(
            b -> b.bucket(at.bucket()).key(at.key()).metadata(Map.of(SHA256, sha256)),
            RequestBody.fromFile(file));
        return;
      }
      try (InputStream in = Files.newInputStream(file)) {
        S3Multipart.upload(s3, at, in, Map.of(SHA256, sha256));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot upload " + file + " to " + at, e);
    }
  }

  /** Deletes the object; S3 answers a missing key with success too. */
  public void delete(S3Location at) {
    try {
      s3.deleteObject(b -> b.bucket(at.bucket()).key(at.key()));
    } catch (S3Exception e) {
      absent(e);
    }
  }

  /** A 404 (no such key or bucket) is an answer; anything else goes up to be retried. */
  private static <T> Optional<T> absent(S3Exception e) {
    if (e.statusCode() == 404) {
      return Optional.empty();
    }
    throw e;
  }
}
