package dev.tollgate.codec;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Optional;

/**
 * The data converter every Tollgate client uses (worker, CLI, demo): Temporal's default JSON
 * payloads, encrypted by {@link AesGcmPayloadCodec} when a keyring is configured ({@value
 * Keyring#SETTING}, env {@value Keyring#ENV}); the default converter alone when not.
 */
public final class TollgateDataConverter {
  private TollgateDataConverter() {}

  public static DataConverter of(Optional<Keyring> keyring) {
    return keyring
        .<DataConverter>map(
            k ->
                new CodecDataConverter(
                    DefaultDataConverter.newDefaultInstance(), List.of(new AesGcmPayloadCodec(k))))
        .orElseGet(DefaultDataConverter::newDefaultInstance);
  }

  /** From a setting as written ({@code k2:BASE64,k1:BASE64} or {@code file:/path}; blank: none). */
  public static DataConverter of(String setting) {
    return of(Keyring.parse(setting));
  }
}
