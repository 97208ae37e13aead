package id.antre.server.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address a request comes from, for throttling: the socket's peer, unless that peer is a
 * configured reverse proxy, in which case the right-most {@code X-Forwarded-For} entry that is
 * not itself a trusted proxy. A client cannot choose its address by sending the header itself.
 */
public final class ClientAddress {
  private final List<Block> trusted;

  private record Block(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  /** @param trustedProxies addresses or CIDR blocks (IPv4 or IPv6), written as numbers, not names */
  public ClientAddress(List<String> trustedProxies) {
    this.trusted = trustedProxies.stream().map(ClientAddress::block).toList();
  }

  private static Block block(String spec) {
    int slash = spec.indexOf('/');
    byte[] net = parse(slash < 0 ? spec : spec.substring(0, slash));
    if (net == null) {
      throw new IllegalArgumentException("ANTRE_TRUSTED_PROXIES: not an IP address or CIDR block: " + spec);
    }
    int bits = slash < 0 ? net.length * 8 : Integer.parseInt(spec.substring(slash + 1));
    if (bits < 0 || bits > net.length * 8) {
      throw new IllegalArgumentException("ANTRE_TRUSTED_PROXIES: bad prefix length in " + spec);
    }
    return new Block(net, bits);
  }

  /** A literal IPv4 or IPv6 address; null for anything else (never a name lookup). */
  static byte[] parse(String s) {
    String t = s.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.isEmpty() || !(t.matches("[0-9.]+") || (t.contains(":") && t.matches("[0-9a-fA-F:.%]+")))) {
      return null;
    }
    try {
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  boolean trusted(String address) {
    byte[] a = parse(address);
    return a != null && trusted.stream().anyMatch(b -> b.contains(a));
  }

  /**
   * @param peer          the socket's remote address
   * @param forwardedFor  the X-Forwarded-For header, or null
   */
  public String of(String peer, String forwardedFor) {
    if (forwardedFor == null || trusted.isEmpty() || !trusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (parse(hop) == null) {
        // garbage in the chain: believe nothing further left
        return peer;
      }
      if (!trusted(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
