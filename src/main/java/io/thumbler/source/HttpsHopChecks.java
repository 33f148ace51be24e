package io.thumbler.source;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * The checks every hop of an HTTPS fetch (the first request and each redirect) passes before a
 * connection is opened: the host, port and path must be allowed ({@link AllowedSources}), and every
 * address the host resolves to must be allowed ({@link AddressPolicy}). One refused answer refuses
 * the host: a name with one bad address is a bad name. Both refusals are 404, like a missing original.
 */
final class HttpsHopChecks {

    private final AllowedSources allowed;
    private final AddressPolicy addressPolicy;
    private final HostResolver resolver;

    HttpsHopChecks(AllowedSources allowed, AddressPolicy addressPolicy, HostResolver resolver) {
        this.allowed = allowed;
        this.addressPolicy = addressPolicy;
        this.resolver = resolver;
    }

    /**
     * @param requested the source the request named, for messages
     * @param hop       where this hop goes: {@code requested} itself, or a redirect's target
     * @throws ThumblerException 404 when the hop is not allowed or resolves to a refused address,
     *         502 when its host cannot be resolved
     */
    void check(SourceUri requested, SourceUri hop) {
        checkAllowed(requested, hop);
        checkResolvedAddresses(requested, hop);
    }

    private void checkAllowed(SourceUri requested, SourceUri hop) {
        if (!allowed.allows(hop)) {
            throw ThumblerException.notFound("original '" + requested + "'" + HttpsFailures.redirected(requested, hop) + ": host '"
                    + AllowedSources.hostOf(hop.authority()) + "' is not an allowed source (THUMBLER_ALLOWED_SOURCES)");
        }
    }

    private void checkResolvedAddresses(SourceUri requested, SourceUri hop) {
        String host = AllowedSources.hostOf(hop.authority());
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': host '" + host + "' cannot be resolved",
                    e.toString(), e);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = addressPolicy.refusal(address);
            if (refusal.isPresent()) {
                throw HttpsFailures.refusedAddress(requested, hop, refusal.get(), AddressPolicy.shown(address));
            }
        }
    }
}
