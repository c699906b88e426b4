package dev.tollgate.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmPayloadCodecTest {
  private static final String K1 = "k1:" + key(1, 32);
  private static final String K2 = "k2:" + key(2, 16);

  private static String key(int fill, int bytes) {
    byte[] b = new byte[bytes];
    java.util.Arrays.fill(b, (byte) fill);
    return Base64.getEncoder().encodeToString(b);
  }

  private static Payload json(String text) {
    return Payload.newBuilder()
        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(text))
        .build();
  }

  private static AesGcmPayloadCodec codec(String setting) {
    return new AesGcmPayloadCodec(Keyring.parse(setting).orElseThrow());
  }

  @Test
  void roundTripsAndHidesTheTextAndItsMetadata() {
    Payload plain = json("{\"train\":\"file:/data/SECRET-SENTINEL.csv\"}");
    Payload sealed = codec(K1).encode(List.of(plain)).getFirst();

    assertThat(sealed.getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(sealed.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k1");
    assertThat(new String(sealed.toByteArray(), StandardCharsets.ISO_8859_1))
        .doesNotContain("SECRET-SENTINEL", "json/plain");
    assertThat(codec(K1).decode(List.of(sealed))).containsExactly(plain);
  }

  @Test
  void twoEncryptionsOfOnePayloadDiffer() {
    Payload plain = json("same");
    assertThat(codec(K1).encode(List.of(plain))).isNotEqualTo(codec(K1).encode(List.of(plain)));
  }

  @Test
  void afterARotationOldPayloadsDecryptWithTheOldKey() {
    Payload old = codec(K1).encode(List.of(json("v1 run"))).getFirst();
    AesGcmPayloadCodec rotated = codec(K2 + "," + K1);

    assertThat(rotated.decode(List.of(old))).containsExactly(json("v1 run"));
    Payload fresh = rotated.encode(List.of(json("v2 run"))).getFirst();
    assertThat(fresh.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k2");
  }

  @Test
  void plainPayloadsFromBeforeTheCodecPassThrough() {
    assertThat(codec(K1).decode(List.of(json("old")))).containsExactly(json("old"));
  }

  @Test
  void anAlteredPayloadIsRefused() {
    Payload sealed = codec(K1).encode(List.of(json("amount 10"))).getFirst();
    byte[] data = sealed.getData().toByteArray();
    data[data.length - 1] ^= 1;
    Payload altered = sealed.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec(K1).decode(List.of(altered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("failed authentication with key 'k1'");
  }

  @Test
  void anUnknownKeyIdNamesItAndWhereKeysComeFrom() {
    Payload sealed = codec(K2).encode(List.of(json("x"))).getFirst();
    assertThatThrownBy(() -> codec(K1).decode(List.of(sealed)))
        .isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("key id 'k2'")
        .hasMessageContaining("[k1]")
        .hasMessageContaining("TOLLGATE_CODEC_KEY");
  }

  @Test
  void anotherKeyUnderTheSameIdIsAWrongKeyNamingTheId() {
    Payload sealed = codec(K1).encode(List.of(json("x"))).getFirst();
    String sameIdOtherKey = "k1:" + key(9, 32);

    assertThatThrownBy(() -> codec(sameIdOtherKey).decode(List.of(sealed)))
        .isInstanceOfSatisfying(WrongKeyException.class, e -> assertThat(e.keyId()).isEqualTo("k1"))
        .hasMessageContaining("failed authentication with key 'k1'");
  }

  @Test
  void withoutAKeyringAnEncryptedPayloadIsRefusedNamingItsKeyId() {
    DataConverter encrypting = TollgateDataConverter.of(K1);
    Optional<Payloads> sealed = encrypting.toPayloads("energy-load/c1");

    DataConverter clear = TollgateDataConverter.of("");
    assertThatThrownBy(() -> clear.fromPayloads(0, sealed, String.class, String.class))
        .isInstanceOfSatisfying(
            NoKeyringException.class, e -> assertThat(e.keyId()).isEqualTo("k1"))
        .hasMessageContaining("key id 'k1'")
        .hasMessageContaining("holds no codec key")
        .hasMessageContaining("TOLLGATE_CODEC_KEY")
        .hasMessageNotContaining(key(1, 32));
  }

  @Test
  void withoutAKeyringClearPayloadsAreWrittenAndReadAsBefore() {
    DataConverter clear = TollgateDataConverter.of("");
    Optional<Payloads> written = clear.toPayloads("energy-load/c1");

    assertThat(written.orElseThrow().getPayloads(0).getData().toStringUtf8())
        .isEqualTo("\"energy-load/c1\"");
    assertThat(clear.fromPayloads(0, written, String.class, String.class))
        .isEqualTo("energy-load/c1");
  }

  @Test
  void badKeysAreRefusedNamingTheIdNeverTheKey() {
    String shortKey = key(3, 10);
    assertThatThrownBy(() -> Keyring.parse("k3:" + shortKey))
        .isInstanceOf(KeyringException.class)
        .hasMessageContaining("'k3'")
        .hasMessageContaining("10 bytes; AES needs 16, 24 or 32")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> Keyring.parse("k4:not*base64"))
        .hasMessageContaining("'k4'")
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining("not*base64");
    assertThatThrownBy(() -> Keyring.parse(K1 + "," + K1)).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> Keyring.parse(key(1, 32))).hasMessageContaining("id:BASE64");
    assertThat(Keyring.parse("  ")).isEmpty();
  }

  @Test
  void aKeyFileHoldsOneKeyALineTheFirstCurrent(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(dir.resolve("keys"), "# rotated 2026-12\n" + K2 + "\n\n" + K1 + "\n");
    Keyring keyring = Keyring.parse("file:" + file).orElseThrow();
    assertThat(keyring.ids()).containsExactly("k2", "k1");
    assertThat(keyring.toString()).doesNotContain(key(1, 32));
    assertThatThrownBy(() -> Keyring.parse("file:" + dir.resolve("missing")))
        .hasMessageContaining("cannot read the codec key file");
  }
}
