package io.thumbler.playground;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.thumbler.security.SignaturePolicy;
import io.thumbler.source.Originals;

/**
 * {@code GET /playground/api/samples}: the sample originals, each with a signed URL of a small
 * square thumbnail for the picker, so the page needs no sign round trip per sample.
 *
 * <pre>{"samples": [{"name": "LadyBird.jpg", "source": "local:///LadyBird.jpg", "bytes": 351588,
 *   "thumbnail": "/{signature}/rs:fill:160:160/plain/local%3A%2F%2F%2FLadyBird.jpg@webp"}]}</pre>
 */
@Path("playground/api/samples")
public class SamplesResource {

    /** Picker tiles are 80 CSS pixels: twice that for high-density screens. */
    static final String THUMBNAIL_OPTIONS = "/rs:fill:160:160";

    @Inject
    SignaturePolicy signatures;

    @Inject
    Originals originals;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response samples() {
        String contextRoot = uri.getBaseUri().getRawPath().replaceAll("/+$", "");
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (SampleOriginals.Sample s : new SampleOriginals(originals.localRoot()).list()) {
            String path = THUMBNAIL_OPTIONS + "/plain/" + URLEncoder.encode(s.source(), StandardCharsets.UTF_8) + "@webp";
            list.add(Json.createObjectBuilder()
                    .add("name", s.name())
                    .add("source", s.source())
                    .add("bytes", s.bytes())
                    .add("thumbnail", contextRoot + "/" + signatures.signatureFor(path) + path));
        }
        String body = Json.createObjectBuilder().add("samples", list).build().toString();
        // The folder may change while the server runs; the list is cheap to make again.
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-cache").build();
    }
}
