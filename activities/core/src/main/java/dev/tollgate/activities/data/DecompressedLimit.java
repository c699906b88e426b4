package dev.tollgate.activities.data;

import dev.tollgate.activities.BoundedInputStream;
import dev.tollgate.activities.Failures;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of a dataset as the parser receives them (after gzip, for a compressed file) and
 * refuses the file as soon as they pass {@code data.max_bytes}. The size on disk says nothing about
 * a gzip file's contents: 306 KB held one 300 MB line. The limit is the spec's, within what the
 * worker allows; the refusal is a non-retryable failure naming which of the two held.
 */
final class DecompressedLimit extends BoundedInputStream {
  private final ByteLimit limit;
  private final String uri;

  DecompressedLimit(InputStream in, ByteLimit limit, String uri) {
    super(in, limit.bytes());
    this.limit = limit;
    this.uri = uri;
  }

  @Override
  protected IOException exceeded(long bytes) {
    throw Failures.invalidData(
        "dataset "
            + uri
            + " holds more than "
            + limit.describe()
            + " once decompressed"
            + limit.advice());
  }
}
