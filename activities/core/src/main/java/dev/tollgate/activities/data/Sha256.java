package dev.tollgate.activities.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one place a SHA-256 digest is made for datasets and artifacts (artifacts' {@code Digests}
 * uses it too: it may depend on this package, not the other way round).
 */
public final class Sha256 {
  private Sha256() {}

  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
