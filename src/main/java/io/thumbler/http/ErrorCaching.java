package io.thumbler.http;

/**
 * How long a CDN and a browser may keep an error, per status. Deliberate, because CloudFront
 * caches errors too: a deterministic client error (400, 422) may stay a while, a missing original
 * (404) only briefly because it may be uploaded next, anything that depends on this server's
 * state (403 from a key rotation, 5xx) never.
 */
public final class ErrorCaching {

    private ErrorCaching() {
    }

    public static String cacheControl(int status) {
        return switch (status) {
            case 400, 422 -> "public, max-age=300";
            case 404, 410 -> "public, max-age=60";
            default -> "no-store";
        };
    }
}
