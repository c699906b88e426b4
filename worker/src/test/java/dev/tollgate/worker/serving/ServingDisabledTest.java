package dev.tollgate.worker.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A worker with {@code tollgate.serving.enabled=false} (where {@code tollgate serve} answers) has
 * no serving API on its port, and its smoke test goes to the configured URL, per environment.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tollgate.serving.enabled=false",
      "tollgate.serving.url=http://127.0.0.1:18090",
      "tollgate.serving.environment-urls.staging=http://127.0.0.1:18092",
      "tollgate.temporal.address=",
      "tollgate.temporal.embedded-port=0",
      "tollgate.home=target/serving-disabled-home"
    })
class ServingDisabledTest {
  @LocalServerPort int port;
  @Autowired ServingAddress address;

  @Test
  void noServingApiHereAndTheSmokeTestGoesToTheEnvironmentsUrl() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : new String[] {"/v1/health", "/v1/models"}) {
      int status =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      assertThat(status).as(path).isEqualTo(404);
    }
    assertThat(address.uri("production")).hasToString("http://127.0.0.1:18090");
    assertThat(address.uri("staging")).hasToString("http://127.0.0.1:18092");
  }
}
