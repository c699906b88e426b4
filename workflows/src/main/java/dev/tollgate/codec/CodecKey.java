package dev.tollgate.codec;

import javax.crypto.SecretKey;

/**
 * One AES key of the {@link Keyring} and the id written next to every payload it encrypted, so a
 * reader can find the key again after a rotation.
 *
 * <p>{@link #toString()} names the id only: a key that reaches a log line or an exception message
 * by accident must not carry its bytes with it.
 */
public record CodecKey(String id, SecretKey secret) {

  @Override
  public String toString() {
    return "CodecKey[" + id + ", AES-" + secret.getEncoded().length * 8 + "]";
  }
}
