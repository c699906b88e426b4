package dev.tollgate.activities.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code ss -ltnp} shows, read from Linux's {@code /proc}: the TCP sockets a process listens
 * on, with their local address. A socket belongs to a process when one of its file descriptors
 * ({@code /proc/PID/fd/N -> socket:[INODE]}) names the socket's inode in {@code /proc/net/tcp} or
 * {@code tcp6}.
 */
public final class ListeningSockets {
  private static final String LISTEN = "0A";

  /** One listening socket: its local address and port. */
  public record Listener(InetAddress address, int port) {
    public boolean loopback() {
      return address.isLoopbackAddress() || mappedLoopback();
    }

    /** ::ffff:127.0.0.1, how tcp6 shows an IPv4 loopback socket. */
    private boolean mappedLoopback() {
      byte[] b = address.getAddress();
      return b.length == 16 && b[10] == (byte) 0xff && b[11] == (byte) 0xff && b[12] == 127;
    }

    @Override
    public String toString() {
      return address.getHostAddress() + ":" + port;
    }
  }

  private ListeningSockets() {}

  /** Every TCP socket process {@code pid} listens on. */
  public static List<Listener> of(long pid) {
    Set<String> inodes = socketInodes(pid);
    List<Listener> found = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6")) {
      for (String[] row : rows(Path.of("/proc", Long.toString(pid), "net", table))) {
        if (row[3].equals(LISTEN) && inodes.contains(row[9])) found.add(parse(row[1]));
      }
    }
    return found;
  }

  /** Every TCP socket this JVM listens on. */
  public static List<Listener> ofThisProcess() {
    return of(ProcessHandle.current().pid());
  }

  private static Set<String> socketInodes(long pid) {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
        } catch (IOException closedMeanwhile) {
          // a descriptor closed while we looked: not a listener of interest
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the descriptors of process " + pid, e);
    }
    return inodes;
  }

  private static List<String[]> rows(Path table) {
    try {
      return Files.readAllLines(table).stream()
          .skip(1)
          .map(line -> line.trim().split("\\s+"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + table, e);
    }
  }

  /** "0100007F:1F91" (little-endian words of the address, hex port) to 127.0.0.1:8081. */
  private static Listener parse(String local) {
    String[] parts = local.split(":");
    String hex = parts[0];
    byte[] address = new byte[hex.length() / 2];
    for (int word = 0; word < hex.length() / 8; word++) {
      for (int i = 0; i < 4; i++) {
        int at = word * 8 + (3 - i) * 2;
        address[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      return new Listener(
          InetAddress.getByAddress(address), new BigInteger(parts[1], 16).intValue());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an address: " + hex, e);
    }
  }
}
