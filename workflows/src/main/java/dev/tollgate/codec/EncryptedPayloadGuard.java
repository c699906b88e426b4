package dev.tollgate.codec;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;

/**
 * The codec of a process without a keyring: writes payloads as they are, and refuses an encrypted
 * one naming its key id ({@link NoKeyringException}) instead of Temporal's "No PayloadConverter is
 * registered for an encoding: binary/encrypted", which tells nobody what to do.
 */
final class EncryptedPayloadGuard implements PayloadCodec {

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads;
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    for (Payload payload : payloads) {
      ByteString encoding = payload.getMetadataMap().get("encoding");
      if (encoding != null && encoding.toStringUtf8().equals(AesGcmPayloadCodec.ENCODING)) {
        ByteString id = payload.getMetadataMap().get(AesGcmPayloadCodec.KEY_ID);
        throw new NoKeyringException(id == null ? "" : id.toStringUtf8());
      }
    }
    return payloads;
  }
}
