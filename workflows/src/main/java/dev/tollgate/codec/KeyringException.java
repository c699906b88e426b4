package dev.tollgate.codec;

/**
 * A codec key setting that cannot be used (bad base64, a wrong length, a missing file). Thrown at
 * start-up, before anything is encrypted with a key nobody could read back. The message names the
 * key id and the problem, never the key.
 */
public final class KeyringException extends IllegalArgumentException {
  public KeyringException(String message) {
    super(message);
  }

  public KeyringException(String message, Throwable cause) {
    super(message, cause);
  }
}
