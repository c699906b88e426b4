package dev.tollgate.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts every payload (workflow and activity inputs and results, signals, updates, queries,
 * memos) with AES-GCM before it leaves the process, so the Temporal server and its database hold no
 * spec, data path, metric or comment in clear. The whole original {@link Payload} (its metadata
 * too) is the plaintext; the encrypted one says {@value #ENCODING} and the id of the key, so after
 * a rotation a history decrypts with the key that wrote it. A payload without that encoding (a
 * history from before the codec was turned on) passes through untouched.
 *
 * <p>Layout of the data: a fresh 12-byte IV, then ciphertext and the 128-bit tag. The key id is
 * authenticated too (associated data), so a payload cannot be passed off under another id.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {
  static final String ENCODING = "binary/encrypted";
  static final String KEY_ID = "encryption-key-id";
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Keyring keyring;
  private final SecureRandom random = new SecureRandom();

  public AesGcmPayloadCodec(Keyring keyring) {
    this.keyring = keyring;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::encrypt).toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  private Payload encrypt(Payload plain) {
    CodecKey key = keyring.current();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(key.id().getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.toByteArray());
      return Payload.newBuilder()
          .putMetadata("encoding", ByteString.copyFromUtf8(ENCODING))
          .putMetadata(KEY_ID, ByteString.copyFromUtf8(key.id()))
          .setData(
              ByteString.copyFrom(
                  ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array()))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("cannot encrypt a payload with key '" + key.id() + "': " + e);
    }
  }

  private Payload decrypt(Payload payload) {
    ByteString encoding = payload.getMetadataMap().get("encoding");
    if (encoding == null || !encoding.toStringUtf8().equals(ENCODING)) return payload;
    ByteString idBytes = payload.getMetadataMap().get(KEY_ID);
    String id = idBytes == null ? "" : idBytes.toStringUtf8();
    CodecKey key = keyring.find(id).orElseThrow(() -> new UnknownKeyException(id, keyring));
    byte[] data = payload.getData().toByteArray();
    if (data.length < IV_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("an encrypted payload (key '" + id + "') is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(
          Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
      cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
      return Payload.parseFrom(plain);
    } catch (AEADBadTagException e) {
      throw new WrongKeyException(id);
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException("cannot decrypt a payload with key '" + id + "': " + e);
    }
  }
}
