package dev.tollgate.worker.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client that sends a request's head and only part of the body it announced, then waits for the
 * answer: an answer that arrives proves the server decided without the rest of the body.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;

  RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5_000);
  }

  /** Sends the head and {@code bodyBytes} bytes of JSON-ish filler, of the announced length. */
  RawHttp send(String path, String contentType, long contentLength, int bodyBytes)
      throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + contentType
                + "\r\nContent-Length: "
                + contentLength
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    byte[] filler = "{\"rows\": [".getBytes(StandardCharsets.US_ASCII);
    out.write(filler);
    out.write(new byte[Math.max(0, bodyBytes - filler.length)]);
    out.flush();
    return this;
  }

  /** The status code of the answer, or -1 if none came within 5 s. */
  int status() throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    try {
      for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) line.append((char) b);
    } catch (SocketTimeoutException e) {
      return -1;
    }
    String[] parts = line.toString().split(" ");
    return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
