package io.thumbler.thumbnails;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.thumbler.http.ServerTimingFilter;

/**
 * {@code GET /info/{signature}/{options…}/{source}}: the original's metadata as JSON, without a
 * render. As in imgproxy the signature covers the path after {@code /info/{signature}}. The literal
 * {@code info} segment makes JAX-RS prefer this resource over {@link ThumbnailsResource}.
 */
@Path("/info")
public class InfoResource {

    @Inject
    Thumbnailer thumbnailer;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{signature}/{rest: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response info(@PathParam("signature") String ignored) {
        RawPath raw = RawPath.of(uri, 1);
        Thumbnailer.Info info = thumbnailer.info(raw.signature(), raw.afterSignature(), ServerTimingFilter.of(request));
        // The facts change when the original does; a short TTL keeps them honest without a version check.
        return Response.ok(info.facts().toJson(info.options()).toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=60").build();
    }
}
