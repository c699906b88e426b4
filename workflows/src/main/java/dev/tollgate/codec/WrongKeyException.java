package dev.tollgate.codec;

/**
 * An encrypted payload that fails authentication with the key held under its id: it was altered, or
 * this process's key under that id is not the one that wrote it (two keyrings that reuse an id).
 */
public final class WrongKeyException extends UnreadablePayloadException {
  WrongKeyException(String keyId) {
    super(
        keyId,
        "an encrypted payload failed authentication with key '"
            + keyId
            + "': it was altered, or written with another key under the same id");
  }
}
