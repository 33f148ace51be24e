package io.thumbler.thumbnails;

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

import io.thumbler.http.CacheHeaders;
import io.thumbler.http.RequestTimings;
import io.thumbler.http.ServerTimingFilter;

/**
 * {@code GET /{signature}/{options…}/plain/{source}@{ext}} and the base64 form: imgproxy's URL.
 * {@code HEAD} is answered like {@code GET} without the body (JAX-RS does that for every GET).
 * A request whose {@code If-None-Match} names the variant's ETag gets 304 before anything renders.
 *
 * <p>The path is taken raw from the request URI, not from JAX-RS's decoded parameters, because the
 * signature covers the path exactly as sent (Payara hands it over unnormalised).
 */
@Path("/")
public class ThumbnailsResource {

    @Inject
    Thumbnailer thumbnailer;

    @Inject
    CacheHeaders cacheHeaders;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{signature}/{rest: .+}")
    public Response thumbnail(@PathParam("signature") String ignored,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RawPath raw = RawPath.of(uri);
        RequestTimings timings = ServerTimingFilter.of(request);
        Variant v = thumbnailer.variant(raw.signature(), raw.afterSignature(), request.getHeader("Accept"), timings);
        if (CacheHeaders.matches(ifNoneMatch, v.etag())) {
            timings.cacheStatus(v.known().remembered() ? "hit" : "miss");
            Response.ResponseBuilder notModified = Response.notModified();
            cacheHeaders.variant(notModified, v.known().facts().lastModified(), v.transform().delivery().expires(),
                    v.etag(), v.negotiated());
            return notModified.build();
        }
        Thumbnail t = thumbnailer.thumbnail(v, timings);
        Response.ResponseBuilder response = Response.ok(t.bytes(), t.format().mediaType());
        cacheHeaders.variant(response, t.lastModified(), t.expires(), v.etag(), t.varyAccept());
        response.header("Content-Disposition", t.contentDisposition());
        return response.build();
    }
}
