package dev.tollgate.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES keys payloads are encrypted with: the first one encrypts, all of them decrypt. Rotation
 * is "put a new key in front, keep the old ones behind it" so histories written before the rotation
 * stay readable.
 *
 * <p>Spec forms ({@value #SETTING}, env {@value #ENV}):
 *
 * <ul>
 *   <li>{@code k2:BASE64,k1:BASE64} — inline, first = current;
 *   <li>{@code file:/path} — a file with one {@code id:BASE64} a line, first line current; blank
 *       lines and {@code #} comments are skipped (a file keeps keys out of the process's
 *       environment and out of {@code ps}).
 * </ul>
 */
public final class Keyring {
  /** The worker's property. */
  public static final String SETTING = "tollgate.codec.key";

  /** The environment variable both the worker (relaxed binding) and the CLI read. */
  public static final String ENV = "TOLLGATE_CODEC_KEY";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final List<CodecKey> keys;
  private final Map<String, CodecKey> byId;

  private Keyring(List<CodecKey> keys) {
    this.keys = List.copyOf(keys);
    Map<String, CodecKey> map = new LinkedHashMap<>();
    for (CodecKey k : keys) {
      if (map.putIfAbsent(k.id(), k) != null) {
        throw new KeyringException("codec key id '" + k.id() + "' appears twice in the keyring");
      }
    }
    this.byId = map;
  }

  /** The keyring of {@code spec}, or empty when it is blank (no encryption). */
  public static Optional<Keyring> parse(String spec) {
    if (spec == null || spec.isBlank()) return Optional.empty();
    String s = spec.strip();
    if (s.startsWith("file:")) return Optional.of(fromFile(Path.of(s.substring(5).strip())));
    return Optional.of(fromEntries(List.of(s.split(",")), "the " + SETTING + " setting"));
  }

  /** For tests and callers that hold key objects already. */
  public static Keyring of(CodecKey current, CodecKey... older) {
    List<CodecKey> all = new ArrayList<>();
    all.add(current);
    all.addAll(List.of(older));
    return new Keyring(all);
  }

  private static Keyring fromFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KeyringException(
          "cannot read the codec key file " + file + " (" + SETTING + "): " + why(e), e);
    }
    List<String> entries =
        lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    return fromEntries(entries, "the codec key file " + file);
  }

  /** "no such file", "permission denied": the reason without the exception's class name. */
  private static String why(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.charset.CharacterCodingException) return "not a UTF-8 text file";
    return e.getMessage() == null ? "cannot be read" : e.getMessage();
  }

  private static Keyring fromEntries(List<String> entries, String source) {
    List<CodecKey> keys = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.strip();
      if (entry.isEmpty()) continue;
      keys.add(entry(entry, source));
    }
    if (keys.isEmpty()) throw new KeyringException(source + " holds no key");
    return new Keyring(keys);
  }

  /** One {@code id:BASE64}; the messages name the id (or the position) and never the key. */
  private static CodecKey entry(String entry, String source) {
    int colon = entry.indexOf(':');
    if (colon <= 0) {
      throw new KeyringException(
          "a codec key in " + source + " is not of the form id:BASE64 (no id before a ':')");
    }
    String id = entry.substring(0, colon).strip();
    if (!ID.matcher(id).matches()) {
      throw new KeyringException(
          "codec key id in " + source + " must be 1-64 letters, digits, '.', '_' or '-'");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
    } catch (IllegalArgumentException e) {
      // the decoder's message quotes the offending character: not passed on
      throw new KeyringException("codec key '" + id + "' in " + source + " is not valid base64");
    }
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new KeyringException(
          "codec key '"
              + id
              + "' in "
              + source
              + " is "
              + bytes.length
              + " bytes; AES needs 16, 24 or 32 (e.g. `openssl rand -base64 32`)");
    }
    return new CodecKey(id, new SecretKeySpec(bytes, "AES"));
  }

  /** The key new payloads are encrypted with. */
  public CodecKey current() {
    return keys.getFirst();
  }

  public Optional<CodecKey> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids, current first (safe to log). */
  public List<String> ids() {
    return keys.stream().map(CodecKey::id).toList();
  }

  @Override
  public String toString() {
    return "Keyring" + ids();
  }
}
