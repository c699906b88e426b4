package dev.tollgate.activities.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-socket HTTP server on 127.0.0.1 that counts the TCP connections made to it, so a test can
 * prove that a refused URL was never connected to (not merely that no request was answered). Each
 * request is answered by the {@link Answer} given; it can also stream an endless body.
 */
public final class CountingServer implements AutoCloseable {
  /** One request as received. */
  public record Request(String method, String path, List<String> headers, byte[] body) {
    public String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).trim())
          .findFirst()
          .orElse(null);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Writes the whole answer (status line, headers, body) for a request. */
  @FunctionalInterface
  public interface Answer {
    void write(Request request, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public CountingServer(Answer answer) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket s = socket.accept();
                  connections.incrementAndGet();
                  Thread.ofVirtual().start(() -> serve(s, answer));
                } catch (IOException closed) {
                  return;
                }
              }
            });
  }

  /** Answers every request with {@code status} and a text body. */
  public static CountingServer answering(int status, String body) throws IOException {
    return new CountingServer((r, out) -> write(out, status, List.of(), body));
  }

  public static void write(OutputStream out, int status, List<String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
    for (String h : headers) head.append(h).append("\r\n");
    head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  private void serve(Socket s, Answer answer) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        Request r = read(in);
        if (r == null) return;
        requests.add(r);
        answer.write(r, out);
      }
    } catch (IOException gone) {
      // the client hung up
    }
  }

  private static Request read(InputStream in) throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String l = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
        line.reset();
        if (l.isEmpty()) break;
        lines.add(l);
      } else {
        line.write(c);
      }
    }
    if (lines.isEmpty()) return null;
    String[] first = lines.getFirst().split(" ");
    Request head = new Request(first[0], first[1], lines.subList(1, lines.size()), new byte[0]);
    String length = head.header("Content-Length");
    byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    return new Request(first[0], first[1], head.headers(), body);
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port><path>} */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int connections() {
    return connections.get();
  }

  public List<Request> requests() {
    return requests;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
