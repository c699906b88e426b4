package dev.tollgate.codec;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Optional;

/**
 * The data converter every Tollgate client uses (worker, CLI, demo): Temporal's default JSON
 * payloads, encrypted by {@link AesGcmPayloadCodec} when a keyring is configured ({@value
 * Keyring#SETTING}, env {@value Keyring#ENV}); written in clear when not.
 *
 * <p>With a keyring, failures are encrypted too ({@code encodeFailureAttributes}): a failure's
 * message and stack trace move into an encoded payload and the history keeps only "Encoded
 * failure", so a message naming a file, a column or a value is no more readable on the server than
 * the payloads are. Every process holding the key (worker, CLI) reads the message back as written;
 * failure types stay in clear, for retry policies.
 *
 * <p>Without a keyring nothing is encrypted, and reading an encrypted payload fails naming its key
 * id ({@link NoKeyringException}), so a CLI run without the key can say which key it needs.
 */
public final class TollgateDataConverter {
  private TollgateDataConverter() {}

  public static DataConverter of(Optional<Keyring> keyring) {
    return keyring
        .<DataConverter>map(
            k ->
                new CodecDataConverter(
                    DefaultDataConverter.newDefaultInstance(),
                    List.of(new AesGcmPayloadCodec(k)),
                    true))
        // without a key: payloads as they are, and an encrypted one refused naming its key id
        .orElseGet(
            () ->
                new CodecDataConverter(
                    DefaultDataConverter.newDefaultInstance(),
                    List.of(new EncryptedPayloadGuard()),
                    false));
  }

  /** From a setting as written ({@code k2:BASE64,k1:BASE64} or {@code file:/path}; blank: none). */
  public static DataConverter of(String setting) {
    return of(Keyring.parse(setting));
  }
}
