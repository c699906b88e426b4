package dev.tollgate.codec;

import io.temporal.payload.codec.PayloadCodecException;

/**
 * An encrypted payload this process cannot open with the keys it holds: none at all, none under the
 * payload's key id, or a key under that id that does not open it. Carries the id (never a key) so a
 * client can tell a person which key the data needs.
 */
public class UnreadablePayloadException extends PayloadCodecException {
  private final String keyId;

  UnreadablePayloadException(String keyId, String message) {
    super(message);
    this.keyId = keyId;
  }

  /** The id the payload was encrypted under, as its metadata says. */
  public String keyId() {
    return keyId;
  }
}
