package dev.tollgate.worker.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.tollgate.worker.config.TollgateProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;

/**
 * The smoke test calls the worker's own port where it listens: loopback by default and for every
 * interface, the one address when the operator named one (a loopback call would be refused there).
 * An environment's own URL comes first for it; in-process serving off without a URL stops the
 * worker at start.
 */
class ServingAddressTest {
  private static final ServingSwitchProperties ON = new ServingSwitchProperties(true, Map.of());

  @Test
  void callsItselfWhereItListens() {
    assertThat(address("", "", ON).uri()).hasToString("http://127.0.0.1:8081");
    assertThat(address("127.0.0.1", "", ON).uri()).hasToString("http://127.0.0.1:8081");
    assertThat(address("0.0.0.0", "", ON).uri()).hasToString("http://127.0.0.1:8081");
    assertThat(address("10.1.2.3", "", ON).uri()).hasToString("http://10.1.2.3:8081");
    assertThat(address("fd00::5", "", ON).uri()).hasToString("http://[fd00::5]:8081");
  }

  @Test
  void anEnvironmentsOwnUrlComesFirstForIt() {
    var urls = new ServingSwitchProperties(false, Map.of("staging", "http://serve-staging:8090"));
    ServingAddress address = address("", "http://serve:8090", urls);
    assertThat(address.uri("staging")).hasToString("http://serve-staging:8090");
    assertThat(address.uri("production")).hasToString("http://serve:8090");
    assertThat(address.uri()).hasToString("http://serve:8090");
  }

  @Test
  void servingOffWithoutAUrlRefusesToStart() {
    assertThatThrownBy(() -> address("", "", new ServingSwitchProperties(false, Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TOLLGATE_SERVING_ENABLED")
        .hasMessageContaining("Set TOLLGATE_SERVING_URL");
  }

  private static ServingAddress address(String bound, String url, ServingSwitchProperties serving) {
    TollgateProperties properties = mock(TollgateProperties.class);
    when(properties.serving()).thenReturn(new TollgateProperties.Serving(url));
    ServingAddress address = new ServingAddress(properties, serving, bound);
    WebServerInitializedEvent started = mock(WebServerInitializedEvent.class, RETURNS_DEEP_STUBS);
    when(started.getWebServer().getPort()).thenReturn(8081);
    address.onApplicationEvent(started);
    return address;
  }
}
