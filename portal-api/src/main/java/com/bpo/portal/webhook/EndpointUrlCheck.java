package com.bpo.portal.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the portal may post to a URL, so that a webhook cannot be turned against the portal's own
 * network (server-side request forgery). Outside a test tenant: https only, no credentials in the
 * URL, and every address the host resolves to must be public — not loopback, link-local (cloud
 * metadata), private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10),
 * unspecified, multicast or reserved, nor such an address inside an IPv6 wrapper (NAT64, 6to4,
 * IPv4-compatible). A test tenant may use http and any address, to reach a receiver on a
 * developer's machine. Checked when an endpoint is saved and again before each delivery, since DNS
 * can change between the two (rebinding); redirects are never followed, so the checked host is the
 * one reached.
 */
public final class EndpointUrlCheck {
  public static final int MAX_LENGTH = 2000;

  /** How a host name becomes addresses: the system's resolver, or a table in a test. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;

  public EndpointUrlCheck(Resolver resolver) {
    this.resolver = resolver;
  }

  /** With the system's resolver. */
  public static EndpointUrlCheck system() {
    return new EndpointUrlCheck(InetAddress::getAllByName);
  }

  /** Why the URL is refused, in words for the person who entered it; empty when it is allowed. */
  public Optional<String> refusal(String url, boolean testTenant) {
    if (url == null || url.isBlank()) {
      return Optional.of("a URL is required");
    }
    if (url.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be an https URL");
    }
    if (uri.getHost() == null || uri.getRawAuthority() == null) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment (#...)");
    }
    if (testTenant) {
      return Optional.empty();
    }
    if (!scheme.equals("https")) {
      return Optional.of("must be an https URL");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("names a host that cannot be resolved: " + host);
    }
    if (addresses == null || addresses.length == 0) {
      return Optional.of("names a host that cannot be resolved: " + host);
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        return Optional.of(
            "resolves to "
                + address.getHostAddress()
                + ", a loopback, link-local, private or reserved address; webhooks go to public"
                + " addresses only");
      }
    }
    return Optional.empty();
  }

  /** Whether an address is on the public internet, as far as its number says. */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) { // fc00::/7, unique local
        return false;
      }
      if (first == 0xfe && (b[1] & 0xc0) == 0x80) { // fe80::/10 (also caught above)
        return false;
      }
      if (Arrays.equals(Arrays.copyOf(b, 12), new byte[12])) { // ::a.b.c.d, IPv4-compatible
        return isPublicV4(Arrays.copyOfRange(b, 12, 16));
      }
      if (first == 0x00
          && (b[1] & 0xff) == 0x64
          && (b[2] & 0xff) == 0xff
          && (b[3] & 0xff) == 0x9b
          && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8])) { // 64:ff9b::/96, NAT64
        return isPublicV4(Arrays.copyOfRange(b, 12, 16));
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x02) { // 2002::/16, 6to4
        return isPublicV4(Arrays.copyOfRange(b, 2, 6));
      }
      return true;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return !(a0 == 0 // "this network"
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64/10, carrier-grade NAT
        || (a0 == 169 && a1 == 254)
        || (a0 == 172 && (a1 & 0xf0) == 16)
        || (a0 == 192 && a1 == 168)
        || (a0 == 192 && a1 == 0 && a2 == 0) // 192.0.0/24, protocol assignments
        || (a0 == 198 && (a1 & 0xfe) == 18) // 198.18/15, benchmarking
        || a0 >= 224); // multicast, 240/4 reserved, broadcast
  }
}
