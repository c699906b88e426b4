package dev.tollgate.codec;

/**
 * A payload encrypted with a key this process does not hold: usually a key that was removed from
 * the keyring while histories encrypted with it still exist, or a worker and a CLI configured with
 * different keyrings.
 */
public final class UnknownKeyException extends UnreadablePayloadException {
  private final java.util.List<String> held;

  public UnknownKeyException(String keyId, Keyring keyring) {
    super(
        keyId,
        "payload is encrypted with key id '"
            + keyId
            + "', which is not in this process's keyring "
            + keyring.ids()
            + "; keys come from "
            + Keyring.SETTING
            + " (env "
            + Keyring.ENV
            + "): add the old key back after the current one to read older histories");
    this.held = keyring.ids();
  }

  /** The ids this process does hold (safe to show). */
  public java.util.List<String> held() {
    return held;
  }
}
