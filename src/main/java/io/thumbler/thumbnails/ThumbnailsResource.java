package io.thumbler.thumbnails;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.thumbler.http.CacheHeaders;
import io.thumbler.http.ServerTimingFilter;

/**
 * {@code GET /{signature}/{options…}/plain/{source}@{ext}} and the base64 form: imgproxy's URL.
 * {@code HEAD} is answered like {@code GET} without the body (JAX-RS does that for every GET).
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
    public Response thumbnail(@PathParam("signature") String ignored) {
        RawPath raw = RawPath.of(uri);
        Thumbnail t = thumbnailer.thumbnail(raw.signature(), raw.afterSignature(), request.getHeader("Accept"),
                ServerTimingFilter.of(request));
        Response.ResponseBuilder response = Response.ok(t.bytes(), t.format().mediaType());
        cacheHeaders.success(response, t.lastModified(), t.expires());
        response.header("Content-Disposition", t.contentDisposition());
        if (t.varyAccept()) {
            response.header("Vary", "Accept");
        }
        return response.build();
    }
}
