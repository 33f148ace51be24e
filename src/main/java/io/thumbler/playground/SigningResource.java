package io.thumbler.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;
import io.thumbler.security.SignaturePolicy;

/**
 * {@code POST /playground/api/sign} with {@code {"path": "/rs:fit:300:300/plain/…@webp"}} answers
 * {@code {"signature": "…", "url": "/{signature}/rs:fit:300:300/plain/…@webp"}}: the page builds
 * paths, the server signs them, and the key never reaches the browser.
 *
 * <p>Only JSON is accepted, which a cross-site form cannot send without a CORS preflight that this
 * server never grants; the body is read up to {@link #MAX_BODY_BYTES} and the path must have the
 * processing-language shape ({@link PathShape}). Answers are {@code no-store}.
 */
@Path("playground/api/sign")
public class SigningResource {

    /** A JSON wrapper around the longest acceptable path, with room to spare. */
    static final int MAX_BODY_BYTES = PathShape.MAX_LENGTH + 1024;

    private final PathShape shape = new PathShape();

    @Inject
    SignaturePolicy signatures;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response sign(InputStream body) throws IOException {
        String path = shape.require(pathOf(readBounded(body)));
        String signature = signatures.signatureFor(path);
        String contextRoot = uri.getBaseUri().getRawPath().replaceAll("/+$", "");
        JsonObject answer = Json.createObjectBuilder()
                .add("signature", signature)
                .add("url", contextRoot + "/" + signature + path)
                .build();
        return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }

    private static String readBounded(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ThumblerException(ErrorKind.BODY_TOO_LARGE, "request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String pathOf(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            if (!(object.get("path") instanceof JsonString path)) {
                throw ThumblerException.badRequest("request body needs a string field 'path'");
            }
            return path.getString();
        } catch (JsonException | IllegalStateException e) {
            throw ThumblerException.badRequest("request body is not a JSON object: send {\"path\": \"/{options}/plain/{source}@{ext}\"}");
        }
    }
}
