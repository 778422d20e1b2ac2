package com.bpo.portal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlCheckTest {
  /** Names resolved from a table; literals parsed (no DNS is asked for a literal). */
  static final Map<String, String[]> DNS =
      Map.of(
          "hooks.example.com", new String[] {"93.184.216.34"},
          "v6.example.com", new String[] {"2606:2800:220:1:248:1893:25c8:1946"},
          "localhost", new String[] {"127.0.0.1", "::1"},
          "metadata.example.com", new String[] {"169.254.169.254"},
          "mixed.example.com", new String[] {"93.184.216.34", "10.0.0.5"},
          "intranet.example.com", new String[] {"192.168.1.20"});

  final EndpointUrlCheck check =
      new EndpointUrlCheck(
          host -> {
            String[] names = DNS.get(host);
            if (names == null) {
              if (host.matches("[0-9a-fA-F:.]+")) {
                return new InetAddress[] {InetAddress.getByName(host)};
              }
              throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[names.length];
            for (int i = 0; i < names.length; i++) {
              out[i] = InetAddress.getByName(names[i]);
            }
            return out;
          });

  Optional<String> production(String url) {
    return check.refusal(url, false);
  }

  @Test
  void aPublicHttpsUrlIsAllowed() {
    assertEquals(Optional.empty(), production("https://hooks.example.com/portal?x=1"));
    assertEquals(Optional.empty(), production("https://hooks.example.com:8443/in"));
    assertEquals(Optional.empty(), production("https://v6.example.com/in"));
    assertEquals(Optional.empty(), production("https://93.184.216.34/in"));
  }

  @Test
  void plainHttpIsForTestTenantsOnly() {
    assertTrue(production("http://hooks.example.com/in").orElseThrow().contains("https"));
    assertEquals(Optional.empty(), check.refusal("http://hooks.example.com/in", true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/in",
        "https://127.8.9.10/in",
        "https://localhost/in",
        "https://[::1]/in",
        "https://0.0.0.0/in",
        "https://[::]/in",
        "https://10.1.2.3/in",
        "https://172.16.0.1/in",
        "https://172.31.255.255/in",
        "https://192.168.0.10/in",
        "https://169.254.169.254/latest/meta-data",
        "https://metadata.example.com/in",
        "https://100.64.0.1/in",
        "https://100.127.255.254/in",
        "https://[fc00::1]/in",
        "https://[fd12:3456::1]/in",
        "https://[fe80::1]/in",
        "https://[::ffff:127.0.0.1]/in",
        "https://[::ffff:10.0.0.1]/in",
        "https://[::127.0.0.1]/in",
        "https://[64:ff9b::a00:1]/in",
        "https://[2002:c0a8:0101::1]/in",
        "https://224.0.0.1/in",
        "https://255.255.255.255/in",
        "https://198.18.0.1/in",
        "https://intranet.example.com/in"
      })
  void loopbackLinkLocalPrivateAndReservedAddressesAreRefused(String url) {
    Optional<String> refusal = production(url);
    assertTrue(refusal.isPresent(), url);
    assertTrue(refusal.get().contains("public addresses only"), refusal.get());
  }

  @Test
  void oneRefusedAddressAmongSeveralRefusesTheHost() {
    assertTrue(production("https://mixed.example.com/in").orElseThrow().contains("10.0.0.5"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://172.15.255.255/in",
        "https://172.32.0.1/in",
        "https://100.63.255.255/in",
        "https://100.128.0.1/in",
        "https://11.0.0.1/in",
        "https://[2001:db8::1]/in"
      })
  void theNeighboursOfThoseRangesArePublic(String url) {
    assertEquals(Optional.empty(), production(url), url);
  }

  @Test
  void aTestTenantMayUseLoopbackAndPrivateAddresses() {
    assertEquals(Optional.empty(), check.refusal("http://127.0.0.1:8089/hook", true));
    assertEquals(Optional.empty(), check.refusal("http://localhost/hook", true));
    assertEquals(Optional.empty(), check.refusal("https://10.1.2.3/hook", true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "hooks.example.com/in",
        "ftp://hooks.example.com/in",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https:///in",
        "https://user:pass@hooks.example.com/in",
        "https://hooks.example.com/in#frag",
        "https://exa mple.com/in"
      })
  void malformedUrlsAreRefusedEvenForTestTenants(String url) {
    assertTrue(check.refusal(url, true).isPresent(), url);
    assertTrue(production(url).isPresent(), url);
  }

  @Test
  void aHostThatDoesNotResolveIsRefused() {
    assertTrue(
        production("https://nowhere.invalid/in").orElseThrow().contains("cannot be resolved"));
  }

  @Test
  void overlongUrlsAreRefused() {
    String url = "https://hooks.example.com/" + "a".repeat(EndpointUrlCheck.MAX_LENGTH);
    assertTrue(production(url).orElseThrow().contains("at most"));
  }

  @Test
  void publicAddressesByNumber() throws UnknownHostException {
    assertTrue(EndpointUrlCheck.isPublic(InetAddress.getByName("8.8.8.8")));
    assertFalse(EndpointUrlCheck.isPublic(InetAddress.getByName("127.0.0.1")));
  }
}
