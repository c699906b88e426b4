package dev.tollgate.activities.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a dataset's bytes into blocks of whole lines, so that each block can be parsed on its own
 * (on another core) and its rows numbered once the lines of the blocks before it are counted. A
 * block ends just after a line's end ({@code \n}, {@code \r} or {@code \r\n}); the unfinished line
 * after it starts the next block. A {@code \r} that is the last byte read is not taken as an end
 * until the next byte is known, so a {@code \r\n} is never cut in two. A block is {@value #BLOCK}
 * bytes at most, twice the longest line ({@link #MAX_LINE}): a full block without a line end holds
 * a line too long, which the parser refuses by its row without anything longer being read.
 */
final class CsvBlocks {
  /** 1 MiB: thousands of columns, far more than any table a stage holds in memory. */
  static final int MAX_LINE = 1 << 20;

  static final int BLOCK = 2 * MAX_LINE;

  /**
   * Bytes {@code [from, to)} of {@code bytes}: whole lines, the last one ending at {@code to}
   * without a line end only at the end of the file or when it is too long.
   */
  record Block(byte[] bytes, int from, int to) {}

  /** Told every byte read, in order, as it is read: the dataset's digest. */
  interface Reads {
    void read(byte[] bytes, int from, int length);
  }

  private final InputStream in;
  private final Reads reads;
  private byte[] carry;
  private int carryFrom;
  private int carryLength;
  private boolean done;
  private final java.util.ArrayDeque<byte[]> free = new java.util.ArrayDeque<>();

  CsvBlocks(InputStream in, Reads reads) {
    this.in = in;
    this.reads = reads;
  }

  /** The next block, or {@code null} after the last. */
  Block next() throws IOException {
    if (done) return null;
    byte[] bytes = free.isEmpty() ? new byte[BLOCK] : free.pop(); // not one still being parsed
    int filled = carryLength;
    if (carryLength > 0) System.arraycopy(carry, carryFrom, bytes, 0, carryLength);
    carry = null;
    carryLength = 0;
    int fresh = filled;
    boolean end = false;
    while (filled < bytes.length) {
      int n = in.read(bytes, filled, bytes.length - filled);
      if (n < 0) {
        end = true;
        break;
      }
      filled += n;
    }
    if (filled > fresh) reads.read(bytes, fresh, filled - fresh);
    if (end) {
      done = true;
      return filled == 0 ? null : new Block(bytes, 0, filled);
    }
    int cut = afterLastLineEnd(bytes, filled);
    if (cut < 0) { // a whole block without a line end: one line too long, refused at its row
      done = true;
      return new Block(bytes, 0, filled);
    }
    carry = bytes;
    carryFrom = cut;
    carryLength = filled - cut;
    return new Block(bytes, 0, cut);
  }

  /**
   * Takes back the bytes of a block whose rows are appended, to read another block into: a load
   * allocates the few blocks it has in flight, not one per 2 MiB of the file. Bytes past a block's
   * end are left as they were; nothing reads them as part of it.
   */
  void recycle(byte[] bytes) {
    if (bytes != null && bytes.length == BLOCK && free.size() < 4) free.push(bytes);
  }

  /** Index just past the last certain line end in {@code bytes[0, filled)}, or -1. */
  private static int afterLastLineEnd(byte[] bytes, int filled) {
    for (int i = filled - 1; i >= 0; i--) {
      byte c = bytes[i];
      if (c == '\n' || (c == '\r' && i < filled - 1)) return i + 1;
    }
    return -1;
  }
}
