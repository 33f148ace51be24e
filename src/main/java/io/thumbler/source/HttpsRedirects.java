package io.thumbler.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * Redirects, followed by hand so that each target is checked like the first request: the target is
 * resolved against the hop that redirected, must be {@code https} and must parse as a source
 * address ({@link HttpsAddress}); at most {@code maxRedirects} are followed per fetch.
 */
final class HttpsRedirects {

    private static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    private HttpsRedirects() {
    }

    static boolean isRedirect(int status) {
        return STATUSES.contains(status);
    }

    /**
     * Where a redirect goes.
     *
     * @throws ThumblerException 404 when the target is not https or not an acceptable source address,
     *         502 when it is not a URL
     */
    static SourceUri target(SourceUri requested, SourceUri hop, String location) {
        String target;
        try {
            target = new URI("https://" + hop.authority() + "/" + hop.key()).resolve(location.trim()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the origin redirected to an invalid URL",
                    "Location: " + location, e);
        }
        if (!target.regionMatches(true, 0, "https://", 0, 8)) {
            throw ThumblerException.notFound("original '" + requested + "' redirects to '" + KeyGrammar.shown(target)
                    + "', which is not an https source");
        }
        try {
            return HttpsAddress.parse(target);
        } catch (ThumblerException e) {
            throw ThumblerException.notFound("original '" + requested + "' redirects to an address that is refused: "
                    + e.publicMessage());
        }
    }

    /** One redirect more than allowed: 502. */
    static ThumblerException tooMany(SourceUri requested, int maxRedirects, String lastLocation) {
        return new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': more than " + maxRedirects
                + " redirects (THUMBLER_MAX_REDIRECTS)", "last redirect to " + lastLocation, null);
    }

    /** A redirect status without somewhere to go: 502. */
    static ThumblerException withoutLocation(SourceUri requested, int status) {
        return new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the origin answered "
                + status + " without a Location", null, null);
    }
}
