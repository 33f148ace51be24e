package io.thumbler.thumbnails;

import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.thumbler.cache.CacheKeys;
import io.thumbler.edge.RecordedPaths;
import io.thumbler.http.CacheHeaders;
import io.thumbler.http.RequestTimings;
import io.thumbler.http.ServerTimingFilter;
import io.thumbler.image.ImageFormat;

/**
 * {@code GET /{signature}/{options…}/plain/{source}@{ext}} and the base64 form: imgproxy's URL.
 * {@code HEAD} is answered like {@code GET} without the body (JAX-RS does that for every GET).
 * A request whose {@code If-None-Match} names the variant's ETag gets 304 before anything renders.
 *
 * <p>The path is taken raw from the request URI, not from JAX-RS's decoded parameters, because the
 * signature covers the path as sent (Payara hands it over unnormalised), except for the proxy
 * rewrites imgproxy undoes ({@link SignedPath}). A URL answered
 * with bytes kept in the rendition cache is entered into {@link KnownVariants}, so its next requests
 * are answered by {@link CachedVariantFilter} before they reach JAX-RS.
 */
@Path("/")
public class ThumbnailsResource {

    @Inject
    Thumbnailer thumbnailer;

    @Inject
    CacheHeaders cacheHeaders;

    @Inject
    KnownVariants knownVariants;

    @Inject
    RecordedPaths recordedPaths;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{signature}/{rest: .+}")
    public Response thumbnail(@PathParam("signature") String ignored,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        long generation = knownVariants.generation();
        RawPath raw = RawPath.of(uri);
        RequestTimings timings = ServerTimingFilter.of(request);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        Variant v = thumbnailer.variant(raw.signature(), raw.afterSignature(), accept, timings);
        // A valid URL of the source: CloudFront may cache it under this path from now on.
        recordedPaths.record(v.source(), request.getRequestURI());
        if (CacheHeaders.matches(ifNoneMatch, v.etag())) {
            timings.cacheStatus(v.known().remembered() ? "hit" : "miss");
            // Known again, so that the URL's next 304s and hits skip JAX-RS (a client that only
            // revalidates would otherwise take this path for good once its entry ended).
            if (!v.known().stale()) {
                knownVariants.remember(generation, request.getRequestURI(), accept, known(v), System.currentTimeMillis());
            }
            Response.ResponseBuilder notModified = Response.notModified();
            cacheHeaders.variant(notModified::header, v.known().facts().lastModified(), v.transform().delivery().expires(),
                    v.etag(), v.negotiated());
            return notModified.build();
        }
        Thumbnail t = thumbnailer.thumbnail(v, timings);
        // Not while serving stale: the URL must come back here to learn the source again.
        if (t.reusable() && !v.known().stale()) {
            knownVariants.remember(generation, request.getRequestURI(), accept, known(v, t), System.currentTimeMillis());
        }
        Response.ResponseBuilder response = Response.ok(t.bytes(), t.format().mediaType());
        cacheHeaders.variant(response::header, t.lastModified(), t.expires(), v.etag(), t.varyAccept());
        response.header("Content-Disposition", t.contentDisposition());
        // Jersey would send a body above its 8 KB buffer chunked; CDNs and the hit filter want the length.
        response.header(HttpHeaders.CONTENT_LENGTH, t.bytes().length);
        return response.build();
    }

    private KnownVariant known(Variant v, Thumbnail t) {
        return known(v, t.format(), t.contentDisposition(), t.lastModified());
    }

    /** For a 304: what a 200 would say, from the variant alone (its rendition is looked up when one is answered). */
    private KnownVariant known(Variant v) {
        return known(v, v.output(), v.contentDisposition(v.output()),
                v.known().facts().lastModified());
    }

    private KnownVariant known(Variant v, ImageFormat format, String contentDisposition, Optional<Instant> lastModified) {
        Instant until = v.known().facts().trustedUntil(knownVariants.sourceTtl());
        Optional<Instant> expires = v.transform().delivery().expires();
        if (expires.isPresent() && expires.get().isBefore(until)) {
            until = expires.get();
        }
        return new KnownVariant(v.key(), CacheKeys.purgeId(v.source()), v.etag(), format.mediaType(),
                contentDisposition, lastModified, expires, v.negotiated(), until.toEpochMilli());
    }
}
