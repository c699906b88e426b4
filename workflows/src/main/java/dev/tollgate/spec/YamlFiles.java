package dev.tollgate.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How every YAML file Tollgate reads (a pipeline spec, an approval policy) is found, read and
 * parsed, within the same bounds ({@link YamlPrecheck}): a regular file, at most {@value
 * YamlPrecheck#MAX_CHARS} bytes read however large it is, a mapping at the top. Errors are {@link
 * SpecException}s naming the file.
 */
public final class YamlFiles {
  static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().loaderOptions(YamlPrecheck.limits()).build());

  private YamlFiles() {}

  /** The regular {@code .yaml} and {@code .yml} files directly in {@code folder}, by name. */
  public static List<Path> in(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** The file's bytes: a regular file of at most {@value YamlPrecheck#MAX_CHARS} bytes. */
  static byte[] read(Path file) {
    if (Files.isDirectory(file)) {
      throw new SpecException(file.toString(), "(file)", "is a directory; expected a YAML file");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // a FIFO or a device (/dev/zero) would be read for ever
      throw new SpecException(
          file.toString(),
          "(file)",
          "is not a regular file (a FIFO or device); expected a YAML file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      // at most one byte past the limit, however large the file is or grows
      byte[] bytes = in.readNBytes(YamlPrecheck.MAX_CHARS + 1);
      if (bytes.length > YamlPrecheck.MAX_CHARS) {
        throw new SpecException(
            file.toString(),
            "(file)",
            String.format(
                java.util.Locale.ROOT,
                "is over %,d bytes; a spec may have at most %,d",
                YamlPrecheck.MAX_CHARS,
                YamlPrecheck.MAX_CHARS));
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new SpecException(file.toString(), "(file)", "no such file");
    } catch (IOException e) {
      throw new SpecException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
    }
  }

  /**
   * The top-level mapping of {@code yaml} (checked by {@link YamlPrecheck} first); {@code expected}
   * names its first keys for the error when it is not a mapping.
   */
  static JsonNode mapping(String yaml, String source, String expected) {
    YamlPrecheck.check(yaml, source);
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new SpecException(
          source, "(yaml)", "not valid YAML" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new SpecException(
          source, "(top level)", "expected a mapping with " + expected + ", ...");
    }
    return root;
  }
}
