package dev.tollgate.activities.commits;

import dev.tollgate.activities.Echo;
import java.util.regex.Pattern;

/**
 * A repository as {@code owner/name}, checked so that it can go into an API path as it is: GitHub's
 * owners are letters, digits and hyphens, names add {@code .} and {@code _}.
 */
public record RepositoryName(String owner, String name) {
  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public RepositoryName {
    if (owner == null || !OWNER.matcher(owner).matches()) {
      throw new IllegalArgumentException("not a repository owner: " + Echo.value(owner));
    }
    if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("not a repository name: " + Echo.value(name));
    }
  }

  /** {@code owner/name}, as in a webhook's {@code repository.full_name}. */
  public static RepositoryName of(String fullName) {
    if (fullName == null) throw new IllegalArgumentException("no repository name");
    int slash = fullName.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not owner/name: " + Echo.value(fullName));
    }
    return new RepositoryName(fullName.substring(0, slash), fullName.substring(slash + 1));
  }

  @Override
  public String toString() {
    return owner + "/" + name;
  }
}
