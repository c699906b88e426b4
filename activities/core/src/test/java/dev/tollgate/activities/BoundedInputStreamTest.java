package dev.tollgate.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one byte-counting stream (request bodies, datasets): exactly the limit passes, the byte past
 * it is refused, and the source is never asked for more than one byte past the limit.
 */
class BoundedInputStreamTest {

  @Test
  void exactlyTheLimitIsRead() throws IOException {
    assertThat(BoundedInputStream.readAll(new ByteArrayInputStream(new byte[100]), 100))
        .hasSize(100);
  }

  @Test
  void theBytePastTheLimitIsRefusedWithoutReadingFurther() {
    Counting source = new Counting(1_000_000);
    assertThatThrownBy(() -> BoundedInputStream.readAll(source, 100))
        .isInstanceOf(BoundedInputStream.Exceeded.class)
        .hasMessage("longer than 100 bytes");
    assertThat(source.given).isEqualTo(101);
  }

  @Test
  // before the fix it asked for 0 bytes forever: a thread of its own, so the hang fails the test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void noLimitAtAllReadsAndSkipsEverything() throws IOException {
    // Long.MAX_VALUE is "no limit": one byte past it must not overflow into asking for nothing
    assertThat(BoundedInputStream.readAll(new Counting(70_000), Long.MAX_VALUE)).hasSize(70_000);
    try (BoundedInputStream in = new BoundedInputStream(new Counting(1_000), Long.MAX_VALUE)) {
      assertThat(in.skip(Long.MAX_VALUE)).isEqualTo(1_000);
    }
  }

  @Test
  void singleBytesAndSkipsCountToo() throws IOException {
    try (BoundedInputStream in = new BoundedInputStream(new Counting(1_000), 10)) {
      assertThat(in.skip(5)).isEqualTo(5);
      assertThat(in.readNBytes(5)).hasSize(5);
      assertThatThrownBy(in::read).isInstanceOf(BoundedInputStream.Exceeded.class);
    }
    try (BoundedInputStream in = new BoundedInputStream(new Counting(1_000), 10)) {
      assertThatThrownBy(() -> in.skip(1_000)).isInstanceOf(BoundedInputStream.Exceeded.class);
    }
  }

  @Test
  void aSubclassRefusesInItsOwnWords() {
    InputStream in =
        new BoundedInputStream(new Counting(50), 10) {
          @Override
          protected IOException exceeded(long limit) {
            throw new IllegalStateException("dataset over " + limit);
          }
        };
    assertThatThrownBy(in::readAllBytes).hasMessage("dataset over 10");
  }

  /** An endless source of zeros that counts what it gave. */
  private static final class Counting extends InputStream {
    private final long size;
    long given;

    Counting(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (given >= size) return -1;
      given++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (given >= size) return -1;
      int n = (int) Math.min(len, size - given);
      given += n;
      return n;
    }

    @Override
    public long skip(long n) {
      long s = Math.min(n, size - given);
      given += s;
      return s;
    }
  }
}
