package io.thumbler.playground;

import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.thumbler.error.ThumblerException;

/**
 * Serves the playground's static files from the WAR's {@code /playground/} folder.
 *
 * <p>JAX-RS serves them, not the container's default servlet, because Thumbler's JAX-RS application
 * sits at the root of the context and so receives every request. Only flat file names with a known
 * type are served, with a Content-Security-Policy that lets the page talk to this origin alone.
 */
@Path("playground")
public class PlaygroundPage {

    /**
     * Scripts, styles and images from this origin only. Previews are fetched, then shown through
     * blob: URLs (so the page sees status, headers and bytes); blob: in connect-src lets the page
     * read back a preview it already holds, and cannot reach anything off this origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; connect-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "svg", "image/svg+xml");

    @Context
    ServletContext servletContext;

    @Context
    UriInfo uri;

    /**
     * {@code /playground/} is the page; {@code /playground} redirects there, so that the page's
     * relative links resolve inside the folder.
     */
    @GET
    public Response index() {
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(uri.getBaseUriBuilder().path("playground/").build())
                    .build();
        }
        return file("index.html");
    }

    @GET
    @Path("{file: [a-z0-9-]+\\.[a-z]+}")
    public Response file(@PathParam("file") String file) {
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        InputStream in = type == null ? null : servletContext.getResourceAsStream("/playground/" + file);
        if (in == null) {
            throw ThumblerException.notFound("playground file '" + file + "' not found");
        }
        return Response.ok(in, type)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                // Small files that change with each release: revalidate rather than keep stale copies.
                .header("Cache-Control", "no-cache")
                .build();
    }
}
