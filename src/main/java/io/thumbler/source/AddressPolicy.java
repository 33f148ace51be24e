package io.thumbler.source;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which network addresses an HTTPS origin may be reached at, so that an allowed host name cannot
 * be pointed (by its DNS) at this machine, the private network or a cloud metadata service.
 *
 * <p>Loopback, private and link-local addresses are refused unless the deployment allows their kind
 * ({@code THUMBLER_ALLOW_LOOPBACK_SOURCE_ADDRESSES}, {@code ..._PRIVATE_...},
 * {@code ..._LINK_LOCAL_...}); the cloud metadata addresses, unspecified, multicast, reserved and
 * broadcast addresses, and IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64) are
 * always refused: an image never lives there, and the embedded forms exist to dodge IPv4 checks.
 *
 * @param allowLoopback  127.0.0.0/8 and ::1
 * @param allowPrivate   10/8, 172.16/12, 192.168/16, CGNAT 100.64/10, 192.0.0/24, 198.18/15,
 *                       fc00::/7 and the deprecated site-local fec0::/10
 * @param allowLinkLocal 169.254/16 and fe80::/10 (the metadata addresses stay refused)
 */
public record AddressPolicy(boolean allowLoopback, boolean allowPrivate, boolean allowLinkLocal) {

    /** Refuses every kind that can be refused. */
    public static final AddressPolicy STRICT = new AddressPolicy(false, false, false);

    /** Why the address is refused, or empty when it may be connected to. */
    public Optional<String> refusal(InetAddress address) {
        String reason = address instanceof Inet4Address ? ipv4(address.getAddress()) : ipv6(address.getAddress());
        return Optional.ofNullable(reason);
    }

    private String ipv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 169 && b1 == 254 && (a[2] & 0xff) == 169 && (a[3] & 0xff) == 254) {
            return "the cloud metadata address";
        }
        if (b0 == 0) {
            return "in 0.0.0.0/8 (this network)";
        }
        if (b0 >= 224) {
            return b0 < 240 ? "multicast" : "reserved (240.0.0.0/4 or broadcast)";
        }
        if (b0 == 127) {
            return allowLoopback ? null : "loopback";
        }
        if (b0 == 169 && b1 == 254) {
            return allowLinkLocal ? null : "link-local";
        }
        boolean privateRange = b0 == 10
                || (b0 == 172 && (b1 & 0xf0) == 16)
                || (b0 == 192 && b1 == 168)
                || (b0 == 100 && (b1 & 0xc0) == 64)
                || (b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0)
                || (b0 == 198 && (b1 & 0xfe) == 18);
        if (privateRange) {
            return allowPrivate ? null : "a private or carrier-grade NAT address";
        }
        return null;
    }

    private String ipv6(byte[] a) {
        if (isMetadataV6(a)) {
            return "the cloud metadata address";
        }
        boolean first80Zero = true;
        for (int i = 0; i < 10; i++) {
            first80Zero &= a[i] == 0;
        }
        if (first80Zero && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return "an IPv4-mapped IPv6 address";
        }
        if (first80Zero && a[10] == 0 && a[11] == 0) {
            boolean loopback = a[12] == 0 && a[13] == 0 && a[14] == 0 && a[15] == 1;
            boolean unspecified = a[12] == 0 && a[13] == 0 && a[14] == 0 && a[15] == 0;
            if (loopback) {
                return allowLoopback ? null : "loopback";
            }
            return unspecified ? "the unspecified address" : "an IPv4-compatible IPv6 address";
        }
        if (a[0] == 0x00 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            return "a NAT64 address (64:ff9b::/96)";
        }
        int b0 = a[0] & 0xff;
        if (b0 == 0xff) {
            return "multicast";
        }
        if (b0 == 0xfe && (a[1] & 0xc0) == 0x80) {
            return allowLinkLocal ? null : "link-local";
        }
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (a[1] & 0xc0) == 0xc0)) {
            return allowPrivate ? null : "a private (unique local or site-local) address";
        }
        return null;
    }

    /** fd00:ec2::254, the EC2 instance metadata service over IPv6. */
    private static boolean isMetadataV6(byte[] a) {
        byte[] imds = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return java.util.Arrays.equals(a, imds);
    }

    /** For messages: the address without the reverse-lookup name Java may attach. */
    static String shown(InetAddress address) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }
}
