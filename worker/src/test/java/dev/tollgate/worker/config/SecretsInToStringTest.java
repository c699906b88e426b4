package dev.tollgate.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;

/**
 * A record prints every component in its {@code toString}, and settings records end up in log
 * lines, exceptions and actuator output: {@code TollgateProperties.Temporal} and {@code
 * TemporalSecurity} printed the Temporal Cloud API key (issue 21). This scans every record of
 * Tollgate's main code (workflows, activities, worker) for text components named like a secret,
 * builds each with a marker in them and checks that {@code toString} shows no marker. A new record
 * with a secret fails here until it hides it.
 */
class SecretsInToStringTest {
  private static final Pattern SECRET =
      Pattern.compile(
          "(?i).*(password|secret|token|apikey|credential|webhookurl|privatekey)"
              + ".*|.*[a-z]Key");

  @Test
  void noRecordPrintsASecret() throws Exception {
    Map<String, String> leaks = new TreeMap<>();
    List<String> unbuildable = new ArrayList<>();
    List<Class<?>> checked = secretHolders();
    for (Class<?> type : checked) {
      Object instance;
      try {
        instance = build(type);
      } catch (ReflectiveOperationException | RuntimeException e) {
        unbuildable.add(type.getName() + " (" + e + ")");
        continue;
      }
      String text = instance.toString();
      for (RecordComponent c : type.getRecordComponents()) {
        if (isSecret(c) && text.contains(marker(c))) leaks.put(type.getName(), text);
      }
    }
    assertThat(checked)
        .as("the scan found the records it must")
        .extracting(Class::getSimpleName)
        .contains(
            "TemporalSecurity",
            "Temporal",
            "Registry",
            "Slack",
            "MtlsSettings",
            "NotifySpec",
            // the records the other parts of issue 21 added or touched: the webhook secret, and
            // the Slack secrets the notify stage carries
            "OutboundProperties",
            "SlackSettings",
            // issue 27: GitHub's webhook secret and token
            "GitHubProperties");
    assertThat(unbuildable).as("records the scan cannot build: give them a way").isEmpty();
    assertThat(leaks).as("records whose toString shows a secret").isEmpty();
  }

  /** Every record of the main code under dev.tollgate with a text component named like a secret. */
  private static List<Class<?>> secretHolders() throws Exception {
    List<Class<?>> found = new ArrayList<>();
    var resolver = new PathMatchingResourcePatternResolver();
    var readers = new CachingMetadataReaderFactory(resolver);
    for (Resource r : resolver.getResources("classpath*:dev/tollgate/**/*.class")) {
      String where = r.getURL().toString();
      if (where.contains("test-classes") || where.contains("-tests.jar")) continue;
      String name = readers.getMetadataReader(r).getClassMetadata().getClassName();
      Class<?> type = Class.forName(name, false, SecretsInToStringTest.class.getClassLoader());
      if (type.isRecord() && Arrays.stream(type.getRecordComponents()).anyMatch(c -> isSecret(c))) {
        found.add(type);
      }
    }
    return found;
  }

  private static boolean isSecret(RecordComponent c) {
    return c.getType() == String.class && SECRET.matcher(c.getName()).matches();
  }

  private static String marker(RecordComponent c) {
    return "MARKER-" + c.getName() + "-4f2a9";
  }

  /** The canonical constructor with a marker in each secret, harmless values elsewhere. */
  private static Object build(Class<?> type) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = isSecret(components[i]) ? marker(components[i]) : plain(types[i]);
    }
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    canonical.setAccessible(true);
    return canonical.newInstance(values);
  }

  private static Object plain(Class<?> type) {
    if (type == String.class) return "x";
    if (type == int.class) return 0;
    if (type == long.class) return 0L;
    if (type == boolean.class) return false;
    if (type == Duration.class) return Duration.ZERO;
    if (type == List.class) return List.of();
    if (type == Set.class) return Set.of();
    if (type == Map.class) return Map.of();
    if (type.isEnum()) return type.getEnumConstants()[0];
    return null; // paths, nested records: absent
  }
}
