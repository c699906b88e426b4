package dev.tollgate.activities.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The allow-list's rules, with names resolved by a table instead of DNS: which entries open which
 * kinds of address, and that every refusal names the key, the host and the setting.
 */
class OutboundPolicyTest {
  private static final Map<String, String> DNS =
      Map.of(
          "hooks.example.com", "93.184.216.34",
          "sneaky.example.com", "127.0.0.1",
          "metadata.example.com", "169.254.169.254",
          "mlflow.corp.example", "10.1.2.3",
          "mixed.example.com", "93.184.216.34,10.0.0.9");

  private static OutboundPolicy policy(String... entries) {
    return OutboundPolicy.of(List.of(entries)).withResolver(OutboundPolicyTest::lookup);
  }

  private static InetAddress[] lookup(String host) throws UnknownHostException {
    String found = DNS.get(host);
    if (found == null) return InetAddress.getAllByName(host); // literals: no lookup
    String[] parts = found.split(",");
    InetAddress[] out = new InetAddress[parts.length];
    for (int i = 0; i < parts.length; i++) out[i] = InetAddress.getByName(parts[i]);
    return out;
  }

  private static void allowed(OutboundPolicy p, String url) throws Exception {
    assertThat(p.check("notify.webhook.url", URI.create(url))).isNotEmpty();
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ?> refused(
      OutboundPolicy p, String url) {
    return assertThatThrownBy(() -> p.check("notify.webhook.url", URI.create(url)))
        .isInstanceOf(OutboundRefused.class)
        .hasMessageStartingWith("notify.webhook.url: refused to connect to ");
  }

  @Test
  void theDefaultOpensPublicHostsOnly() throws Exception {
    OutboundPolicy p = OutboundPolicy.defaults().withResolver(OutboundPolicyTest::lookup);
    allowed(p, "https://hooks.example.com/t/abc");
    refused(p, "http://127.0.0.1:8080/hook")
        .hasMessageContaining("127.0.0.1:8080: it is a loopback address")
        .hasMessageContaining("tollgate.outbound.allowed-hosts (TOLLGATE_OUTBOUND_ALLOWED_HOSTS)")
        .hasMessageContaining("names the host itself");
    refused(p, "http://localhost:8080/").hasMessageContaining("loopback");
    refused(p, "http://[::1]:8080/")
        .hasMessageContaining("[::1]:8080")
        .hasMessageContaining("loopback");
    refused(p, "http://mlflow.corp.example:5000")
        .hasMessageContaining(
            "mlflow.corp.example:5000: it resolves to 10.1.2.3, a private address")
        .hasMessageContaining("names the host or its domain");
    refused(p, "http://192.168.1.20/").hasMessageContaining("private");
    refused(p, "http://172.20.0.1/").hasMessageContaining("private");
    refused(p, "http://100.64.0.1/").hasMessageContaining("private");
    refused(p, "http://[fd00::1]/").hasMessageContaining("private");
  }

  @Test
  void theMetadataServiceAndOtherNonServersAreNeverReachableEvenWhenNamed() {
    OutboundPolicy p =
        policy("169.254.169.254", "metadata.example.com", "0.0.0.0", "[fe80::1]", "*");
    refused(p, "http://169.254.169.254/latest/meta-data/iam/")
        .hasMessageContaining("169.254.169.254:80: it is a link-local address")
        .hasMessageContaining("may never reach")
        .hasMessageNotContaining("latest/meta-data");
    refused(p, "http://metadata.example.com/").hasMessageContaining("resolves to 169.254.169.254");
    refused(p, "http://0.0.0.0:8080/").hasMessageContaining("not a server's address");
    refused(p, "http://[fe80::1]/").hasMessageContaining("link-local");
    refused(p, "http://224.0.0.1/").hasMessageContaining("not a server's address");
    // IPv6 forms that carry an IPv4 address are judged by it
    refused(p, "http://[::ffff:127.0.0.1]/").hasMessageContaining("loopback");
    refused(p, "http://[64:ff9b::a9fe:a9fe]/").hasMessageContaining("link-local");
    refused(p, "http://[2002:7f00:1::]/").hasMessageContaining("loopback");
  }

  @Test
  void aNameThatResolvesToLoopbackIsRefusedUnlessThatNameIsListed() throws Exception {
    refused(policy("*"), "https://sneaky.example.com/")
        .hasMessageContaining("sneaky.example.com:443: it resolves to 127.0.0.1, a loopback");
    refused(policy("*.example.com"), "https://sneaky.example.com/")
        .hasMessageContaining("names the host itself");
    allowed(policy("sneaky.example.com"), "https://sneaky.example.com/");
  }

  @Test
  void everyAddressOfAHostMustBeOpenNotJustTheFirst() {
    refused(policy("*"), "https://mixed.example.com/").hasMessageContaining("10.0.0.9");
  }

  @Test
  void privateAddressesOpenToANamedHostOrDomainAndLoopbackToANamedHostOnly() throws Exception {
    allowed(policy("mlflow.corp.example"), "http://mlflow.corp.example:5000");
    allowed(policy("*.corp.example"), "http://mlflow.corp.example:5000");
    allowed(policy("10.1.2.3:5000"), "http://10.1.2.3:5000/api");
    allowed(policy("127.0.0.1"), "http://127.0.0.1:41234/hook");
    allowed(policy("LOCALHOST."), "http://localhost:41234/hook");
    allowed(policy("[::1]:8080"), "http://[::1]:8080/");
    refused(policy("*.corp.example"), "http://corp.example/")
        .hasMessageContaining("is not in tollgate.outbound.allowed-hosts");
  }

  @Test
  void aPortInTheEntryMustBeThePortOfTheUrl() throws Exception {
    OutboundPolicy p = policy("127.0.0.1:5000", "hooks.example.com:443");
    allowed(p, "http://127.0.0.1:5000/");
    allowed(p, "https://hooks.example.com/x");
    refused(p, "http://127.0.0.1:5001/").hasMessageContaining("127.0.0.1:5001: the host is not in");
    refused(p, "http://hooks.example.com/x").hasMessageContaining("hooks.example.com:80");
  }

  @Test
  void anEmptyListReachesNothingAndOtherSchemesAreRefused() {
    refused(policy(), "https://hooks.example.com/").hasMessageContaining("is not in");
    refused(policy("*"), "ftp://hooks.example.com/")
        .hasMessageContaining("only http:// and https://");
    refused(policy("*"), "file:///etc/passwd").hasMessageContaining("only http:// and https://");
    refused(policy("*"), "http://under_score:80/").hasMessageContaining("no host name");
  }

  @Test
  void anEntryThatIsNotAHostStopsTheWorkerNamingIt() {
    for (String bad :
        List.of("http://mlflow:5000", "mlflow/api", "host:0", "host:99999", "*.", "a b")) {
      assertThatThrownBy(() -> OutboundPolicy.of(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tollgate.outbound.allowed-hosts")
          .hasMessageContaining("'" + bad + "'");
    }
    assertThat(OutboundPolicy.of(List.of(" Mlflow.Corp:5000 ", "", "*.Example.com")).allowedHosts())
        .containsExactly("mlflow.corp:5000", "*.example.com");
  }
}
