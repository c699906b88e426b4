package dev.tollgate.codec;

/**
 * An encrypted payload read by a process that holds no codec key at all: a CLI run without the
 * worker's {@value Keyring#ENV}, or a worker started without it against encrypted histories.
 */
public final class NoKeyringException extends UnreadablePayloadException {
  NoKeyringException(String keyId) {
    super(
        keyId,
        "payload is encrypted with key id '"
            + keyId
            + "', and this process holds no codec key: set "
            + Keyring.SETTING
            + " (env "
            + Keyring.ENV
            + ") to the keyring of the worker that wrote it");
  }
}
