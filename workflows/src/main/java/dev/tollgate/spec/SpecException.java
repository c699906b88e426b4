package dev.tollgate.spec;

/**
 * A pipeline spec that cannot be used. The message always names the file, the key and what was
 * expected, so a person can fix the spec without reading code.
 */
public final class SpecException extends RuntimeException {
  private final String file;
  private final String key;

  public SpecException(String file, String key, String problem) {
    super(file + ": " + key + ": " + problem);
    this.file = file;
    this.key = key;
  }

  public String file() {
    return file;
  }

  public String key() {
    return key;
  }
}
