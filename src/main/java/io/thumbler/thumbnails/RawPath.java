package io.thumbler.thumbnails;

import jakarta.ws.rs.core.UriInfo;

import io.thumbler.error.ThumblerException;

/**
 * The request path as the client sent it, split into the signature segment and the rest, with the
 * context root removed.
 *
 * @param signature      the first segment
 * @param afterSignature everything after it, leading '/' included, as received ({@link SignedPath}
 *                       turns it into what was signed)
 */
record RawPath(String signature, String afterSignature) {

    static RawPath of(UriInfo uri) {
        return of(uri, 0);
    }

    /** @param skipSegments leading fixed segments to drop first (1 for {@code /info}) */
    static RawPath of(UriInfo uri, int skipSegments) {
        return of(uri.getRequestUri().getRawPath(), uri.getBaseUri().getRawPath(), skipSegments);
    }

    /**
     * @param full the raw request path ({@code HttpServletRequest.getRequestURI()})
     * @param base the context root it starts with
     */
    static RawPath of(String full, String base, int skipSegments) {
        String path = full.startsWith(base) ? full.substring(base.length()) : full;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        for (int i = 0; i < skipSegments; i++) {
            path = path.substring(path.indexOf('/') + 1);
        }
        int slash = path.indexOf('/');
        if (slash <= 0) {
            throw ThumblerException.badRequest("the path must be /{signature}/{options}/{source}");
        }
        return new RawPath(path.substring(0, slash), path.substring(slash));
    }
}
