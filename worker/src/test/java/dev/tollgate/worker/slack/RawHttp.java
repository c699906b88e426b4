package dev.tollgate.worker.slack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for bodies no ordinary client sends: a Content-Length declared but
 * never sent (a server that waits for it never answers), and a chunked body streamed until the
 * server answers, counting what the server let through. The answer is read while the body is still
 * being written, as a server that refuses early answers.
 */
public final class RawHttp {
  /** The status and body answered, and how many body bytes the client managed to write. */
  public record Answer(int status, String body, long bytesWritten) {}

  private static final int CHUNK = 64 * 1024;
  private static final String SLACK = "/slack/interactions";

  private RawHttp() {}

  /** POSTs headers declaring {@code contentLength} bytes, and sends none of them. */
  static Answer declared(int port, String headers, long contentLength) throws IOException {
    return declared(port, SLACK, headers, contentLength);
  }

  /** POSTs to {@code path} headers declaring {@code contentLength} bytes, and sends none. */
  public static Answer declared(int port, String path, String headers, long contentLength)
      throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(port, path, headers + "Content-Length: " + contentLength + "\r\n"));
      out.flush();
      return read(socket.getInputStream(), 0);
    }
  }

  /** POSTs {@code body} with its Content-Length. */
  static Answer withBody(int port, String headers, byte[] body) throws IOException {
    return withBody(port, SLACK, headers, body);
  }

  /** POSTs {@code body} to {@code path} with its Content-Length. */
  public static Answer withBody(int port, String path, String headers, byte[] body)
      throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(port, path, headers + "Content-Length: " + body.length + "\r\n"));
      out.write(body);
      out.flush();
      return read(socket.getInputStream(), body.length);
    }
  }

  /** POSTs a chunked body of up to {@code upTo} bytes, written until the server answers. */
  static Answer chunked(int port, String headers, long upTo) throws Exception {
    return chunked(port, SLACK, headers, upTo);
  }

  /** POSTs to {@code path} a chunked body of up to {@code upTo} bytes, until the server answers. */
  public static Answer chunked(int port, String path, String headers, long upTo) throws Exception {
    AtomicLong written = new AtomicLong();
    AtomicBoolean answered = new AtomicBoolean();
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(port, path, headers + "Transfer-Encoding: chunked\r\n"));
      Thread writer =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    byte[] chunk = new byte[CHUNK];
                    Arrays.fill(chunk, (byte) 'a');
                    byte[] size = (Integer.toHexString(CHUNK) + "\r\n").getBytes();
                    try {
                      while (written.get() < upTo && !answered.get()) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes());
                        written.addAndGet(CHUNK);
                      }
                      out.write("0\r\n\r\n".getBytes());
                      out.flush();
                    } catch (IOException closed) {
                      // the server closed the connection, or we did after its answer
                    }
                  });
      Answer answer = read(socket.getInputStream(), 0);
      answered.set(true);
      socket.close();
      writer.join(10_000);
      return new Answer(answer.status(), answer.body(), written.get());
    }
  }

  private static Socket open(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(15_000); // a server still reading the body never answers: a timeout
    return socket;
  }

  private static byte[] head(int port, String path, String headers) {
    return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The status line, the headers, and a Content-Length body. */
  private static Answer read(InputStream in, long written) throws IOException {
    String status = line(in);
    long length = 0;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(h.substring("content-length:".length()).strip());
      }
    }
    byte[] body = in.readNBytes((int) length);
    return new Answer(
        Integer.parseInt(status.split(" ")[1]), new String(body, StandardCharsets.UTF_8), written);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) throw new IOException("the server closed the connection without an answer");
      if (b != '\r') line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
