package dev.tollgate.adapters.onnx;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * A minimal reader of Protocol Buffers' wire format, enough to walk an ONNX {@code ModelProto}'s
 * header fields. ONNX Runtime's Java API does not expose the IR version, the opsets or the class
 * labels, and reading them ourselves lets a too-new model be refused with how to re-export it
 * before the native runtime fails with a less helpful message; no protobuf library is needed.
 */
final class ProtoFields {
  private final byte[] bytes;
  private int pos;
  private final int end;

  /** One field: its number and either a varint value or a length-delimited slice. */
  record Field(int number, long varint, ProtoFields message) {
    String string() {
      return message.remainingString();
    }
  }

  ProtoFields(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ProtoFields(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  /**
   * Calls {@code each} for every field of this message in order; fixed-width fields are skipped.
   *
   * @throws IllegalArgumentException when the bytes are not well-formed protobuf
   */
  void forEach(BiConsumer<Integer, Field> each) {
    while (pos < end) {
      long key = varint();
      int number = (int) (key >>> 3);
      int wireType = (int) (key & 7);
      switch (wireType) {
        case 0 -> each.accept(number, new Field(number, varint(), null));
        case 1 -> skip(8);
        case 2 -> {
          int length = checkedLength(varint());
          ProtoFields slice = new ProtoFields(bytes, pos, pos + length);
          skip(length);
          each.accept(number, new Field(number, 0, slice));
        }
        case 5 -> skip(4);
        default -> throw malformed("wire type " + wireType);
      }
    }
  }

  /** The packed varints of a length-delimited field ({@code repeated int64}, packed). */
  long[] packedVarints() {
    long[] out = new long[end - pos];
    int n = 0;
    while (pos < end) {
      out[n++] = varint();
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private String remainingString() {
    return new String(bytes, pos, end - pos, StandardCharsets.UTF_8);
  }

  private long varint() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) throw malformed("a truncated varint");
      byte b = bytes[pos++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) return value;
    }
    throw malformed("a varint longer than 10 bytes");
  }

  private int checkedLength(long length) {
    if (length < 0 || length > end - pos) throw malformed("a field longer than the file");
    return (int) length;
  }

  private void skip(int n) {
    if (n > end - pos) throw malformed("a truncated field");
    pos += n;
  }

  private static IllegalArgumentException malformed(String what) {
    return new IllegalArgumentException(
        "it is not an ONNX model (not a well-formed protobuf ModelProto: " + what + ")");
  }
}
