package dev.tollgate.worker.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.tollgate.worker.config.TollgateProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;

/**
 * The smoke test calls the worker's own port where it listens: loopback by default and for every
 * interface, the one address when the operator named one (a loopback call would be refused there).
 */
class ServingAddressTest {

  @Test
  void callsItselfWhereItListens() {
    assertThat(address("").uri()).hasToString("http://127.0.0.1:8081");
    assertThat(address("127.0.0.1").uri()).hasToString("http://127.0.0.1:8081");
    assertThat(address("0.0.0.0").uri()).hasToString("http://127.0.0.1:8081");
    assertThat(address("10.1.2.3").uri()).hasToString("http://10.1.2.3:8081");
    assertThat(address("fd00::5").uri()).hasToString("http://[fd00::5]:8081");
  }

  private static ServingAddress address(String bound) {
    TollgateProperties properties = mock(TollgateProperties.class);
    when(properties.serving()).thenReturn(new TollgateProperties.Serving(""));
    ServingAddress address = new ServingAddress(properties, bound);
    WebServerInitializedEvent started = mock(WebServerInitializedEvent.class, RETURNS_DEEP_STUBS);
    when(started.getWebServer().getPort()).thenReturn(8081);
    address.onApplicationEvent(started);
    return address;
  }
}
